/// A misuse of a driver or a number type: each case says what was wrong and
/// what to do.
public enum EpsilonError: Error, Equatable, CustomStringConvertible {
  /// Two inputs that must have the same length do not.
  case countMismatch(argument: String, expected: Int, actual: Int)
  /// A vector-valued function returned a different number of outputs on a
  /// later evaluation than on the first.
  case outputCountChanged(first: Int, later: Int, pass: Int)
  /// An input was seeded into a lane its partials do not have:
  /// `Dual<SIMD4<Double>>(x, seed: 4)`.
  case seedOutOfRange(index: Int, partialCount: Int)
  /// A Hessian of `count` inputs was asked for whose N(N+1)/2 entries
  /// cannot be stored: `count` is negative, or the storage overflows the
  /// address space or cannot be allocated.
  case hessianTooLarge(count: Int)
  /// A global sparsity pattern, valid at every x, was asked for a function
  /// that branches on (compares, or tests with `isNaN`) a value that
  /// depends on its inputs, which such a pattern does not have.
  case branchInGlobalPattern(String)
  /// A sparsity pattern was built or used in a way its shape does not
  /// allow: an entry outside the matrix, a negative size, or a star
  /// colouring of a pattern that is not square and symmetric.
  case invalidPattern(String)
  /// One evaluation mixed sparsity tracers of two detections (a tracer
  /// kept from an earlier call).
  case tracersMixed

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
    case .seedOutOfRange(let index, let partialCount):
      return "seed index \(index) is outside the \(partialCount) partial "
        + "lane\(partialCount == 1 ? "" : "s") of this number type: seed "
        + "lanes 0 ..< \(partialCount), or use a wider partials type (or "
        + "a driver such as gradient(at:of:), which seeds in chunks)."
    case .hessianTooLarge(let count):
      return count < 0
        ? "a Hessian cannot have \(count) inputs: pass a count of zero or more."
        : "a Hessian of \(count) inputs needs \(count) × (\(count) + 1) / 2 "
          + "entries, more than this process can allocate: use "
          + "hessianVectorProduct(at:along:of:), which never forms the matrix."
    case .branchInGlobalPattern(let operation):
      return "the function applies `\(operation)` to a value that depends on "
        + "its inputs, which a global sparsity pattern (valid at every x) "
        + "does not have: pass `detection: .local` for the pattern at the "
        + "given point (it holds wherever the branches go the same way), or "
        + "write the branch without comparing (abs(x) rather than "
        + "x < 0 ? -x : x)."
    case .invalidPattern(let reason):
      return "invalid sparsity pattern: \(reason)."
    case .tracersMixed:
      return "one evaluation combined sparsity tracers of two detections: "
        + "do not keep tracers between calls; build every value from the "
        + "inputs the detection passes in."
    }
  }
}
