// expected-error: cannot convert value of type 'Dual<SIMD8<Double>>' to expected argument type 'Double'
//
// A plain Double accumulator inside a differentiated closure would drop the
// derivatives; the error points at the accumulation, where the fix
// (declare it `var s: T = 0`, or with the closure's number type) belongs.
import Epsilon

let g = gradient(at: [1.0, 2.0]) { v in
  var s = 0.0
  for e in v { s += e * e }
  return s
}
