// expected-error: take its plain value with x.value
//
// Double(y) on a dual would silently drop its derivatives; the error names
// `.value`, the explicit way to do it. Checked by .ci/run.
import Epsilon

let d = derivative(at: 1.0) { x in
  let y = x * x
  let plain = Double(y)
  return y * Dual(plain)
}
