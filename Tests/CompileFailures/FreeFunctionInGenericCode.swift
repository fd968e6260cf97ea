// expected-error: in generic code write T.sin(x)
//
// Generic code over ADReal calls the elementary functions as static members
// (T.sin(x)); the free spelling names that fix instead of slowing every
// file that imports Epsilon and Foundation. Checked by .ci/run.
import Epsilon

func f<T: ADReal>(_ x: T) -> T { sin(x) * x }
