// expected-error: adding a tape's variable into a plain number drops its derivatives: declare the accumulator
//
// The same plain accumulator in a closure that records on a tape (the
// closure Hessian's) is reported at its += with the same fix.
// Checked by .ci/run.
import Epsilon

let h = try hessian(at: [1.0, 2.0]) { v in
  var s = 0.0
  for e in v { s += e * e }
  return s
}
