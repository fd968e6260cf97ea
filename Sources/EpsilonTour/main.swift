print("The tour is being written.")
