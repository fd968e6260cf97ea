// expected-error: lift the plain number into a dual: Dual(k) * x
//
// A captured Double beside a dual does not compile (mixed operators would
// slow down type-checking); the error names the fix at the operator.
// Checked by .ci/run.
import Epsilon

let k = 2.5
let g = gradient(at: [1.0, 2.0]) { v in k * v[0] + v[1] }
