// The drivers' nesting record in a process that has one thread, the case
// the test runner (which has many) cannot reach: compiled and run alone by
// Scripts/check-single-threaded.sh. While a process has one thread the
// drivers keep their record in one record of the process (where the C
// library says so); this program checks that nested drivers, a thread
// started inside a driver's closure, and perturbation confusion (with the
// argument `confuse`, which must stop the process) behave as on a thread's
// record.

import Epsilon

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Stops with a message unless `condition` holds.
func check(_ condition: Bool, _ what: String) {
  if !condition {
    fputs("check-single-threaded: \(what)\n", stderr)
    exit(1)
  }
}

if CommandLine.arguments.dropFirst().first == "confuse" {
  // The inner driver's closure captures the outer perturbed x: the process
  // must stop with the perturbation-confusion message.
  let d = derivative(at: 1.0) { x in
    Dual(derivative(at: x.value) { y in x * y })
  }
  print("not stopped: \(d)")
  exit(0)
}

#if canImport(Glibc)
  // What this program tests needs the process to have one thread so far.
  if let flag = dlsym(nil, "__libc_single_threaded") {
    check(flag.load(as: CChar.self) != 0, "the process has more than one thread at start")
  }
#endif

// Nested drivers on two types: d/dx [x · d/dy (x + y)] = 1.
let d1 = derivative(at: 1.0) { x in x * derivative(at: 1) { y in Dual(x) + y } }
check(d1 == 1, "nested drivers on two types gave \(d1), not 1")

// Nested on one type with nothing captured: the inner driver's check
// passes, and d/dx [x · (d/dy y² at x)] = 4x = 8 at 2 (the inner value is a
// constant to the outer driver).
let d2 = derivative(at: 2.0) { x in x * Dual(derivative(at: x.value) { y in y * y }) }
check(d2 == 4, "a nested driver on the same type gave \(d2), not 4")

// Second derivatives and gradients on the process's record, one after
// another: each leaves the record as it found it.
for _ in 0..<3 {
  check(secondDerivative(at: 3.0) { x in x * x * x } == 18, "secondDerivative of x³ at 3")
  check(gradient(at: [1.0, 2.0]) { v in v[0] * v[1] } == [2, 1], "gradient of xy")
}

#if canImport(Glibc)
  // A thread started inside a driver's closure: its driver counts the
  // running one as enclosing it, checks its own closure and gives the
  // right derivative; the outer one is unaffected.
  final class Box: @unchecked Sendable { var value = 0.0 }
  let box = Box()
  let d3 = derivative(at: 3.0) { x in
    var thread = pthread_t()
    let context = Unmanaged.passRetained(box).toOpaque()
    let started = pthread_create(
      &thread, nil,
      { context in
        let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
        box.value = derivative(at: 5.0) { y in y * y }
        return nil
      }, context)
    check(started == 0, "pthread_create failed")
    pthread_join(thread, nil)
    return x * x
  }
  check(d3 == 6, "the outer derivative around a thread gave \(d3), not 6")
  check(box.value == 10, "the derivative on the started thread gave \(box.value), not 10")

  // From now on the drivers take their threads' records.
  let d4 = derivative(at: 2.0) { x in x * Dual(derivative(at: x.value) { y in y * y }) }
  check(d4 == 4, "a nested driver after a second thread gave \(d4), not 4")
#endif

print("ok: the drivers' nesting in a process with one thread")
