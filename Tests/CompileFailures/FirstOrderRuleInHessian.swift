// expected-error: requires that 'Dual<SIMD8<Double>>' conform to 'ADScalar'
//
// The closure form of hessian(at:of:) records on a tape over duals, which
// is a second-order number: a function built on a rule that declares no
// second derivative (a FirstOrderUnaryRule) does not compile there, rather
// than giving a Hessian whose entries from that rule are silently zero.
// Checked by .ci/run.
import Epsilon

struct Slope: FirstOrderUnaryRule {
  func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double) {
    (x * x, 2 * x)
  }
}
func square<T: FirstOrderReal>(_ x: T) -> T { T._apply(firstOrder: Slope(), x) }

let h = try hessian(at: [1.0, 2.0]) { v in square(v[0]) * v[1] }
