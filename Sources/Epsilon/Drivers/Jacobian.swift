// Jacobians and Jacobian-vector products: forward mode in SIMD chunks,
// reverse mode by rows on a tape, and the generic driver that chooses.

/// The Jacobian of a vector function `f` at `x`: one row per output, one
/// column per input, eight inputs per pass.
///
/// ```swift
/// try jacobian(at: [1.0, 2.0]) { x in [x[0] * x[1], sin(x[0])] }
/// // [[2.0, 1.0], [cos(1.0), 0.0]]
/// ```
///
/// - Throws: ``EpsilonError/outputCountChanged(first:later:pass:)`` if `f`
///   returns a different number of outputs on a later pass.
/// - Complexity: ⌈N/8⌉ evaluations of `f`.
@inlinable
public func jacobian<T: ADScalar>(
  at x: [T], of f: ([Dual<SIMD8<T>>]) -> [Dual<SIMD8<T>>]
) throws -> [[T]] {
  try jacobian(at: x, chunk: SIMD8<T>.self, of: f)
}

/// The Jacobian of `f` at `x`, `P.scalarCount` inputs per pass.
///
/// - Throws: ``EpsilonError/outputCountChanged(first:later:pass:)`` if `f`
///   returns a different number of outputs on a later pass.
/// - Complexity: ⌈N/w⌉ evaluations of `f`, w = `P.scalarCount`.
@inlinable
public func jacobian<P>(
  at x: [P.Scalar], chunk: P.Type, of f: ([Dual<P>]) -> [Dual<P>]
) throws -> [[P.Scalar]] where P: SIMD & DualPartials, P.Scalar: ADScalar {
  try _withDriverNesting(
    Dual<P>.self, driver: "jacobian(at:of:)",
    probe: { f(x.map { Dual<P>($0) }).allSatisfy(\._isConstant) },
    {
      let n = x.count
      let width = P.scalarCount
      var duals = x.map { Dual<P>($0) }
      if n == 0 { return f(duals).map { _ in [] } }
      // A user-defined SIMD type without lanes could never seed an input.
      guard width > 0 else {
        throw EpsilonError.seedOutOfRange(index: 0, partialCount: 0)
      }
      var rows: [[P.Scalar]] = []
      var start = 0
      var pass = 0
      while start < n {
        let end = Swift.min(start + width, n)
        for i in start..<end { duals[i].partials = .unitPartials(i - start) }
        let y = f(duals)
        pass += 1
        if pass == 1 {
          rows = Array(repeating: Array(repeating: 0, count: n), count: y.count)
        } else if y.count != rows.count {
          throw EpsilonError.outputCountChanged(
            first: rows.count, later: y.count, pass: pass)
        }
        for (row, output) in y.enumerated() {
          for i in start..<end { rows[row][i] = output.partials[i - start] }
        }
        for i in start..<end { duals[i].partials = .zero }
        start = end
      }
      return rows
    })
}

/// The directional derivative J(x)·v of a vector function `f`: the
/// Jacobian-vector product, from one evaluation, without forming J.
///
/// ```swift
/// try directionalDerivative(at: [1.0, 2.0], along: [1.0, 0.0]) { x in
///   [x[0] * x[1], sin(x[0])]
/// }   // [2.0, cos(1.0)]
/// ```
///
/// - Throws: ``EpsilonError/countMismatch(argument:expected:actual:)`` if
///   `v` and `x` differ in length.
/// - Complexity: One evaluation of `f`.
@inlinable
public func directionalDerivative<T>(
  at x: [T], along v: [T], of f: ([Dual<T>]) -> [Dual<T>]
) throws -> [T] where T: DualPartials, T.Scalar == T {
  try _withDriverNesting(
    Dual<T>.self, driver: "directionalDerivative(at:along:of:)",
    probe: { f(x.map { Dual<T>($0) }).allSatisfy(\._isConstant) },
    {
      guard v.count == x.count else {
        throw EpsilonError.countMismatch(
          argument: "along", expected: x.count, actual: v.count)
      }
      let duals = zip(x, v).map { Dual($0, partials: $1) }
      return f(duals).map(\.partials)
    })
}

// MARK: - Reverse mode, and the choice of mode

/// How ``jacobian(of:at:mode:)`` computes a Jacobian of N inputs and M
/// outputs.
public enum JacobianMode: Sendable, Hashable, CaseIterable {
  /// Forward or reverse by shape; see ``prefersReverse(inputCount:outputCount:)``.
  case automatic
  /// Forward mode, eight inputs per pass of `Dual<SIMD8<T>>`: ⌈N/8⌉
  /// evaluations; a column block per pass.
  case forward
  /// Reverse mode: one recording on a tape and one reverse sweep per
  /// output (a vector-Jacobian product with a unit cotangent); a row per
  /// sweep. For M ≪ N.
  case reverse
  /// A compressed forward evaluation along the colours of a column
  /// colouring of the Jacobian's global sparsity pattern
  /// (``SparseJacobianPlan``), detected on every call, written into the
  /// dense result. A function that branches on its inputs has no global
  /// pattern and gets `.forward`. To evaluate at many points, keep a plan.
  case sparse

  /// Whether `.automatic` uses reverse mode for `inputCount` inputs and
  /// `outputCount` outputs: with more than one forward pass, when twice
  /// the passes exceed the sweeps by more than two (2⌈N/8⌉ > M + 2).
  ///
  /// A recording costs about as much as a forward pass on eight lanes, and
  /// a sweep about half of one, if each sweep covers the whole recording
  /// (outputs that share their work): then reverse mode costs about
  /// 1 + M/2 passes. Measured on functions whose M outputs each sum over
  /// every input: with one output the two modes tie at N = 8 and reverse
  /// wins from N = 16; with four outputs reverse wins from N = 16, by
  /// about 5× at N = 64 (figures in the benchmark documentation). Outputs
  /// whose work is separate make each sweep shorter, so the rule errs
  /// towards forward mode, by up to 1.5–2× at N = 16–24 with four outputs.
  ///
  /// - Returns: true for reverse mode, false for forward mode.
  @inlinable
  public static func prefersReverse(inputCount: Int, outputCount: Int) -> Bool {
    let passes = (inputCount + 7) / 8
    return passes > 1 && 2 * passes > outputCount + 2
  }
}

/// The Jacobian of a vector function written once, generically, by the
/// mode you choose or the one that suits its shape.
///
/// ```swift
/// struct Residual: ADVectorFunction { … }
/// try jacobian(of: Residual(), at: x)                   // by shape
/// try jacobian(of: Residual(), at: x, mode: .reverse)   // rows by the tape
/// ```
///
/// - Parameters:
///   - f: The function.
///   - x: The point: one value per input.
///   - mode: `.automatic` (the default) takes reverse mode when
///     ``JacobianMode/prefersReverse(inputCount:outputCount:)`` says so.
///     Above 8 inputs it needs the number of outputs: one plain
///     evaluation, kept for later calls when `f`'s type is plain data or
///     `Hashable` (as ``HessianStrategy/sparse`` keeps patterns).
/// - Returns: One row per output, one column per input.
/// - Throws: ``EpsilonError/outputCountChanged(first:later:pass:)`` if `f`
///   returns another number of outputs on a later pass; in reverse mode,
///   ``TapeError`` if the tape or its arrays cannot be allocated.
/// - Complexity: ⌈N/8⌉ evaluations (forward); one recording and M sweeps
///   (reverse); a detection, a colouring and ⌈c/w⌉ evaluations for c
///   colours (sparse).
@inlinable
public func jacobian<T: ADScalar, F: ADVectorFunction>(
  of f: F, at x: [T], mode: JacobianMode = .automatic
) throws -> [[T]] {
  switch mode {
  case .forward:
    return try jacobian(at: x) { f($0) }
  case .reverse:
    return try reverseJacobian(at: x) { f($0) }
  case .sparse:
    guard let plan = try? SparseJacobianPlan(of: f, at: x, detection: .global) else {
      return try jacobian(of: f, at: x, mode: .forward)
    }
    return try plan.jacobian(at: x).dense
  case .automatic:
    // One forward pass wins whatever M; beyond, the outputs are counted
    // (once per function value and N where the value can be recognised).
    let reverse =
      x.count > 8
      && JacobianMode.prefersReverse(inputCount: x.count, outputCount: _outputCount(of: f, at: x))
    return try jacobian(of: f, at: x, mode: reverse ? .reverse : .forward)
  }
}

/// The Jacobian of `f` at `x` by reverse mode: `f` recorded once on a
/// tape, then one reverse sweep per output, each a row.
///
/// ```swift
/// try reverseJacobian(at: [1.0, 2.0, 3.0]) { x in
///   [x[0] * x[1] * x[2]]
/// }   // [[6.0, 3.0, 2.0]]
/// ```
///
/// Row i is the vector-Jacobian product with the i-th unit cotangent, as
/// ``vectorJacobianProduct(at:along:of:)`` computes it, bit for bit. For a
/// function with far fewer outputs than inputs this costs less than the
/// forward ``jacobian(at:of:)``; see ``JacobianMode``.
///
/// - Parameters:
///   - x: The point: one value per input.
///   - f: The vector function, on the tape's variables.
/// - Returns: One row per output, one column per input; zero entries
///   where an output does not depend on an input.
/// - Throws: ``TapeError`` if an output belongs to another tape or is
///   poisoned, or if the tape or the arrays cannot be allocated.
/// - Complexity: One evaluation of `f`, then M sweeps, each over the
///   operations recorded up to its output.
@inlinable
public func reverseJacobian<T: ADReal>(
  at x: [T], of f: ([GradientTape<T>.Variable]) -> [GradientTape<T>.Variable]
) throws -> [[T]] {
  try GradientTape<T>._withDriverTape { tape in
    try tape.reserveCapacity(x.count)
    try _checkAllocation(x.count, of: GradientTape<T>.Variable.self)
    let inputs = tape.variables(x)
    let outputs = f(inputs)
    for y in outputs { try tape._check(y, .target) }
    let n = x.count
    let top = outputs.reduce(n) { $1._state == nil ? $0 : Swift.max($0, Int($1._slot)) }
    let adjoints = try tape._adjointBuffer(top + 1)
    adjoints.initialize(repeating: 0, count: top + 1)
    defer { adjoints.deinitialize(count: top + 1) }
    tape._isSpent = true
    return outputs.map { y in
      var row = [T]._filled(with: 0, count: n)
      guard y._state != nil else { return row }
      // Inputs take slots 1...n, in order; the sweep stops above them.
      let slot = Int(y._slot)
      adjoints[slot] = 1
      tape._sweep(adjoints, from: slot, downTo: n + 1)
      for j in 0..<n { row[j] = adjoints[j + 1] }
      // Every slot the sweep may have written, back to zero for the next.
      for k in 0...slot { adjoints[k] = 0 }
      return row
    }
  }
}
