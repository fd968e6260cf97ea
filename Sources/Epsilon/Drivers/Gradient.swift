// Gradients by forward mode in SIMD chunks (ForwardDiff's chunk mode): each
// pass seeds up to `w` inputs with one SIMD lane each, so N inputs take
// ⌈N/w⌉ evaluations and N ≤ w takes exactly one.

/// The gradient of `f` at `x`, in one pass for up to eight inputs.
///
/// ```swift
/// func g<T: ADReal>(_ x1: T, _ x2: T) -> T { (x1 + 5) * x2 * x2 }
/// gradient(at: [2.0, 3.0]) { x in g(x[0], x[1]) }   // [9.0, 42.0]
/// ```
///
/// The default carries eight partials per pass (`SIMD8`); choose another
/// width with ``gradient(at:chunk:of:)``. For many inputs, the reverse tape
/// costs less.
///
/// - Parameters:
///   - x: The point; empty gives an empty gradient.
///   - f: The function, on dual numbers with eight SIMD partials.
/// - Returns: ∇f(x), one partial derivative per input.
/// - Complexity: ⌈N/8⌉ evaluations of `f`.
@inlinable
public func gradient<T: ADScalar>(
  at x: [T], of f: ([Dual<SIMD8<T>>]) -> Dual<SIMD8<T>>
) -> [T] {
  valueWithGradient(at: x, chunk: SIMD8<T>.self, of: f).gradient
}

/// The value and gradient of `f` at `x`, eight partials per pass.
///
/// - Complexity: ⌈N/8⌉ evaluations of `f`.
@inlinable
public func valueWithGradient<T: ADScalar>(
  at x: [T], of f: ([Dual<SIMD8<T>>]) -> Dual<SIMD8<T>>
) -> (value: T, gradient: [T]) {
  valueWithGradient(at: x, chunk: SIMD8<T>.self, of: f)
}

/// The gradient of `f` at `x`, `P.scalarCount` partials per pass.
///
/// ```swift
/// gradient(at: x, chunk: SIMD16<Double>.self) { x in rosenbrock(x) }
/// ```
///
/// - Parameters:
///   - x: The point: one value per input.
///   - chunk: The SIMD type of the partials: its width is the number of
///     inputs differentiated per pass.
///   - f: The function, written generically or over `Dual<P>`.
/// - Complexity: ⌈N/w⌉ evaluations of `f`, w = `P.scalarCount`.
@inlinable
public func gradient<P>(
  at x: [P.Scalar], chunk: P.Type, of f: ([Dual<P>]) -> Dual<P>
) -> [P.Scalar] where P: SIMD & DualPartials, P.Scalar: ADScalar {
  valueWithGradient(at: x, chunk: chunk, of: f).gradient
}

/// The value and gradient of `f` at `x`, `P.scalarCount` partials per pass.
///
/// - Complexity: ⌈N/w⌉ evaluations of `f`, w = `P.scalarCount`.
@inlinable
public func valueWithGradient<P>(
  at x: [P.Scalar], chunk: P.Type, of f: ([Dual<P>]) -> Dual<P>
) -> (value: P.Scalar, gradient: [P.Scalar])
where P: SIMD & DualPartials, P.Scalar: ADScalar {
  var workspace = GradientWorkspace<P>()
  var gradient: [P.Scalar] = []
  let value = workspace.valueWithGradient(into: &gradient, at: x, of: f)
  return (value, gradient)
}

/// Storage for repeated gradients, reused between calls so that they
/// allocate nothing (ForwardDiff's `GradientConfig`).
///
/// ```swift
/// var workspace = GradientWorkspace<SIMD8<Double>>()
/// var g: [Double] = []
/// for step in 0..<1000 {
///   let loss = workspace.valueWithGradient(into: &g, at: x) { x in f(x) }
///   // … use g; no array is allocated after the first call
/// }
/// ```
///
/// A fresh array costs about as much as the whole forward pass of a small
/// gradient on some platforms, so loops that take
/// many gradients of one size should keep a workspace. Keep one per task:
/// a workspace is a value, not shared.
@frozen
public struct GradientWorkspace<P: SIMD & DualPartials>
where P.Scalar: ADScalar {
  /// The dual numbers handed to the function, reused between calls.
  @usableFromInline var duals: [Dual<P>]

  /// An empty workspace; its storage grows on first use.
  @inlinable
  public init() { duals = [] }

  /// Writes ∇f(x) into `gradient` (resized to `x.count` if needed) and
  /// returns f(x).
  ///
  /// - Complexity: ⌈N/w⌉ evaluations of `f`, w = `P.scalarCount`; no
  ///   allocation once `gradient` and the workspace have held N elements
  ///   (unless `f` keeps a reference to its argument).
  @inlinable
  public mutating func valueWithGradient(
    into gradient: inout [P.Scalar], at x: [P.Scalar],
    of f: ([Dual<P>]) -> Dual<P>
  ) -> P.Scalar {
    _withDriverNesting(
      Dual<P>.self, driver: "gradient(at:of:)",
      probe: { f(x.map { Dual<P>($0) })._isConstant },
      {
        let n = x.count
        if duals.count != n { duals = x.map { Dual<P>($0) } }
        // A copy of `x` is an array of the right size whose elements are all
        // overwritten below. Made on first write, it is allocated by code
        // specialised here; `Array(repeating:count:)` allocates through the
        // standard library's generic path, which looks the storage class's
        // metadata up on every call: a quarter of a small fresh gradient.
        if gradient.count != n { gradient = x }
        if n == 0 { return f(duals).value }
        // A user-defined SIMD type without lanes cannot seed an input: every
        // partial is unknown, so NaN, rather than a loop that never advances.
        guard P.scalarCount > 0 else {
          for i in 0..<n { gradient[i] = .nan }
          return f(duals).value
        }
        let width = P.scalarCount
        var value: P.Scalar = 0
        // Seeding through buffer pointers: one uniqueness check per pass
        // instead of one per element, and each seed a store into its lane in
        // memory: building it as a vector (`unitPartials`) inserts at a
        // variable index, through the stack, for every seed. The point
        // is written once per call; later passes clear only the lanes the pass
        // before them seeded.
        // `f` is called outside every buffer access: called inside one,
        // it kept the workspace's array alive by a retain and a release
        // per call.
        var start = 0
        var previous = 0
        while start < n {
          let end = Swift.min(start &+ width, n)
          duals.withUnsafeMutableBufferPointer { d in
            if start == 0 {
              x.withUnsafeBufferPointer { xs in
                for i in 0..<n { d[i] = Dual<P>(xs[i], partials: .zero) }
              }
            } else {
              for i in previous..<start { d[i].partials[i &- previous] = 0 }
            }
            for i in start..<end { d[i].partials[i &- start] = 1 }
          }
          let y = f(duals)
          gradient.withUnsafeMutableBufferPointer { g in
            for i in start..<end { g[i] = y.partials[i &- start] }
          }
          value = y.value
          previous = start
          start = end
        }
        return value
      })
  }
}
