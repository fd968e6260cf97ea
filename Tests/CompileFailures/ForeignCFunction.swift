// expected-error: Epsilon has no rule for tgamma: write one as a UnaryRule
//
// A C function Epsilon has no rule for (Foundation's tgamma) is reported at
// its call inside the closure, and the message names the fix: teach Epsilon
// its rule (a UnaryRule). Checked by .ci/run.
import Epsilon
import Foundation

let g = gradient(at: [1.0, 2.0]) { v in tgamma(v[0]) + v[1] }
