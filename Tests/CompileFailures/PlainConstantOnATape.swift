// expected-error: lift the plain constant onto the tape: .init(k) * x
//
// In a closure that records on a tape (the closure Hessian's variables are
// a tape's, over eight-lane duals) a captured Double names the same fix,
// spelled for any number type. Checked by .ci/run.
import Epsilon

let k = 2.5
let h = try hessian(at: [1.0, 2.0]) { v in k * v[0] * v[1] }
