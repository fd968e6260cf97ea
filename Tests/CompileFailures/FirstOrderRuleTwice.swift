// expected-error: conform to
//
// A rule that declares no second derivative (a FirstOrderUnaryRule) cannot
// be used where a second derivative is needed: differentiating it twice is a
// compile-time error, not a silent zero. Checked by .ci/run.
import Epsilon

struct Slope: FirstOrderUnaryRule {
  func valueAndDerivative(_ x: Double) -> (value: Double, derivative: Double) {
    (x * x, 2 * x)
  }
}
func square<T: FirstOrderReal>(_ x: T) -> T { T._apply(firstOrder: Slope(), x) }

let twice = derivative(at: 1.0) { x in derivative(at: x) { square($0) } }
