// expected-error: cannot convert value of type 'Dual<SIMD8<Double>>' to expected argument type 'Double'
//
// A helper written for Double cannot see derivatives: the error points at
// its call inside the closure, not at the driver. The fix is to make the
// helper generic over ADReal. Checked by .ci/run.
import Epsilon

func h(_ x: Double) -> Double { x * x }
let g = gradient(at: [1.0, 2.0]) { v in h(v[0]) + v[1] }
