import Epsilon
