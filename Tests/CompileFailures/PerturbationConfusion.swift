// expected-error: Dual<Dual<Double>>
//
// Perturbation confusion must not compile: inside the inner closure, `x`
// (the outer variable, a Dual<Double>) cannot be added to `y` (a
// Dual<Dual<Double>>) without lifting it with `Dual(x)`, which gives the
// correct answer 1. Checked by .ci/run with `swiftc -typecheck`.
import Epsilon

let confused = derivative(at: 1.0) { x in
  x * derivative(at: 1) { y in x + y }
}
