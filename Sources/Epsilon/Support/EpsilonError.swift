/// A misuse of a driver: each case says what was wrong and what to do.
public enum EpsilonError: Error, Equatable, CustomStringConvertible {
  /// Two inputs that must have the same length do not.
  case countMismatch(argument: String, expected: Int, actual: Int)
  /// A vector-valued function returned a different number of outputs on a
  /// later evaluation than on the first.
  case outputCountChanged(first: Int, later: Int, pass: Int)

  /// What went wrong and how to fix it.
  public var description: String {
    switch self {
    case .countMismatch(let argument, let expected, let actual):
      return "`\(argument)` has \(actual) elements but the point has "
        + "\(expected): pass one \(argument) component per input."
    case .outputCountChanged(let first, let later, let pass):
      return "the function returned \(first) outputs on the first pass and "
        + "\(later) on pass \(pass): a Jacobian needs a function whose "
        + "number of outputs does not depend on the input's derivatives."
    }
  }
}
