// expected-error: adding an Epsilon number into a plain number drops its derivatives: declare the accumulator with the closure's number type
//
// A plain Double accumulator inside a differentiated closure would drop the
// derivatives; the error points at the accumulation and names the fix
// (declare it `var s = 0 * v[0]`, or `var s: T = 0` in generic code).
// Checked by .ci/run.
import Epsilon

let g = gradient(at: [1.0, 2.0]) { v in
  var s = 0.0
  for e in v { s += e * e }
  return s
}
