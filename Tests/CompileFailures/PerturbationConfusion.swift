// expected-error: call the inner driver at the outer variable itself
//
// Perturbation confusion must not compile: the inner derivative taken at
// the constant 1 returns a plain Double, which does not mix with the outer
// variable `x`; the error names the fix (call the inner driver at `x` and
// lift `x` into its closure with `Dual(x)`, which gives the correct answer
// 1). Checked by .ci/run with `swiftc -typecheck`.
import Epsilon

let confused = derivative(at: 1.0) { x in
  x * derivative(at: 1) { y in x + y }
}
