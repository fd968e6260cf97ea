// expected-error: no exact matches in call to global function 'tgamma'
//
// A C function Epsilon has no rule for (Foundation's tgamma) is reported at
// its call inside the closure; the fix is to teach Epsilon its rule (a
// UnaryRule). Checked by .ci/run.
import Epsilon
import Foundation

let g = gradient(at: [1.0, 2.0]) { v in tgamma(v[0]) + v[1] }
