// expected-error: write x.truncatingRemainder(dividingBy: y): it is fmod
//
// A C function that Epsilon spells the standard library's way (fmod is
// truncatingRemainder, trunc is rounded(.towardZero), fmax is max) names
// that spelling at its call, on a driver's numbers as in generic code.
// Checked by .ci/run.
import Epsilon
import Foundation

func f<T: ADReal>(_ x: T) -> T { fmod(x, 2) * x }
let g = gradient(at: [1.0, 2.0]) { v in fmod(v[0], v[1]) }
