import Epsilon
import Foundation
import Testing

// Nested derivatives: perturbation confusion (Siskind & Pearlmutter 2005;
// ForwardDiff's ConfusionTest) and higher derivatives by nesting Dual.

/// Third derivatives through three levels of nesting: a few roundings of
/// O(1) quantities.
private let nestedTolerance = 1e-13

@Suite("Nested derivatives and perturbation confusion")
struct ConfusionTests {
  /// d/dx [x · d/dy (x + y)] at x = 1 is 1; a confused implementation
  /// gives 2. This is the idiom Drivers/Derivative.swift documents.
  @Test func documentedIdiom() {
    let d = derivative(at: 1.0) { x in
      x * derivative(at: 1) { y in Dual(x) + y }
    }
    #expect(d == 1)
  }

  /// d/dx [d/dy (x·y)] = d/dx [x] = 1, at any point.
  @Test func productInside() {
    let d = derivative(at: 2.0) { x in
      derivative(at: 3) { y in Dual(x) * y }
    }
    #expect(d == 1)
  }

  /// An inner driver at a constant point, on the outer driver's own number
  /// type, that uses only its own variable: legitimate, and exact. The
  /// nesting check evaluates its closure once more with the seed zero.
  @Test("A nested driver on the same type at a constant point is allowed")
  func sameTypeAtConstantPoint() {
    var innerCalls = 0
    let d = derivative(at: 1.5) { x in
      x
        * Dual(
          derivative(at: 2.0) { y in
            innerCalls += 1
            return y * y * y
          })
    }
    #expect(d == 12)  // d/dx [x · 3·2²] = 12
    #expect(innerCalls == 2)  // the check's evaluation and the driver's
    let s = secondDerivative(at: 1.0) { x in
      x * HyperDual(secondDerivative(at: 3.0) { y in y * y * y })
    }
    #expect(s == 0)  // x · 18 is linear in x
  }

  /// A driver that is not nested on its own type evaluates its closure
  /// once: the check costs nothing but the record.
  @Test("Unnested drivers and nesting on distinct types evaluate once")
  func checkOnlyWhereTypesMeet() {
    var calls = 0
    _ = derivative(at: 2.0) { x in
      calls += 1
      return x * x
    }
    #expect(calls == 1)
    var innerCalls = 0
    let d = derivative(at: 1.0) { x in
      derivative(at: x) { y in
        innerCalls += 1
        return Dual(x) * y
      }
    }
    #expect(d == 1)
    #expect(innerCalls == 1)  // Dual<Dual<Double>> inside Dual<Double>
  }

  #if !os(iOS) && !os(watchOS) && !os(tvOS) && !os(visionOS)
    /// Issue 16: stripping the outer variable with `.value` makes the inner
    /// derivative's type `Dual<Double>`, the outer's own, and the outer `x`
    /// could then be multiplied with the inner `y`: their tangents would add
    /// in one lane (1·1 + 1·1 = 2 where d/dy (x·y) = x = 1). The inner
    /// driver detects the captured perturbation and stops the process with
    /// a message that names the fix, checked in a child process.
    @Test("Perturbation confusion through .value is detected and names the fix")
    func confusionThroughValueIsDetected() async {
      let result = await #expect(
        processExitsWith: .failure, observing: [\.standardErrorContent]
      ) {
        _ = derivative(at: 1.0) { x in
          Dual(derivative(at: x.value) { y in x * y })
        }
      }
      let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
      #expect(message.contains("Perturbation confusion in derivative(at:of:)"))
      #expect(message.contains("not at its `.value`"))
    }

    /// The same capture in a second derivative: hyper-dual inside hyper-dual.
    @Test("Perturbation confusion in secondDerivative is detected")
    func confusionInSecondDerivativeIsDetected() async {
      await #expect(processExitsWith: .failure) {
        _ = secondDerivative(at: 1.0) { x in
          HyperDual(secondDerivative(at: x.value) { y in x * y * y })
        }
      }
    }

    /// Every driver whose closure takes dual numbers checks its closure when
    /// it runs inside another driver on the same number type: the forward
    /// gradient, the workspace, the Jacobian, J·v, the Hessian and H·v.
    @Test("Perturbation confusion is detected by every closure driver")
    func confusionInEveryDriverIsDetected() async {
      await #expect(processExitsWith: .failure) {
        _ = gradient(at: [1.0, 2.0]) { x in
          let inner = gradient(at: x.map(\.value)) { y in x[0] * y[0] + y[1] }
          return x[0] * Dual(inner[0])
        }
      }
      await #expect(processExitsWith: .failure) {
        var workspace = GradientWorkspace<SIMD8<Double>>()
        var g: [Double] = []
        _ = gradient(at: [1.0, 2.0]) { x in
          _ = workspace.valueWithGradient(into: &g, at: x.map(\.value)) { y in
            x[1] * y[0]
          }
          return x[0] * x[1]
        }
      }
      await #expect(processExitsWith: .failure) {
        _ = gradient(at: [1.0, 2.0]) { x in
          let j = try? jacobian(at: x.map(\.value)) { y in [x[0] * y[1]] }
          return x[0] * Dual(j?[0][1] ?? 0)
        }
      }
      await #expect(processExitsWith: .failure) {
        _ = derivative(at: 1.0) { x in
          let d = try? directionalDerivative(at: [x.value], along: [1]) { y in
            [x * y[0]]
          }
          return x * Dual(d?[0] ?? 0)
        }
      }
    }
  #endif

  /// The same drivers nested on their own type at a constant point, with
  /// closures that use only their own variables, run and are exact.
  @Test("Every closure driver allows same-type nesting without capture")
  func sameTypeNestingWithoutCaptureInEveryDriver() throws {
    let g = gradient(at: [1.0, 2.0]) { x in
      let inner = gradient(at: [3.0, 4.0]) { y in y[0] * y[1] }
      return x[0] * x[1] * Dual(inner[0])  // ∂/∂y₀ (y₀y₁) = 4
    }
    #expect(g == [8, 4])
    let h = try hessian(at: [1.0, 2.0]) { x in
      let inner = try? hessian(at: [3.0, 4.0]) { y in y[0] * y[1] }
      return x[0] * x[1] * .init(inner?[0, 1] ?? .nan)  // 1
    }
    #expect(h.rows == [[0, 1], [1, 0]])
  }

  /// The closure forms of the Hessian and of H·v record on tapes of their
  /// own: an inner one whose closure captures the outer one's variable
  /// mixes two tapes, and the inner driver throws instead of adding the
  /// two derivatives.
  @Test func hessianClosureCapturingAnOuterVariableThrows() throws {
    var innerError: (any Error)?
    let h = try hessian(at: [1.0, 2.0]) { x in
      do {
        _ = try hessian(at: [3.0, 4.0]) { y in x[0] * y[0] * y[1] }
      } catch {
        innerError = error
      }
      return x[0] * x[1]
    }
    #expect(innerError as? TapeError == .mixedTapes(.target))
    #expect(h.rows == [[0, 1], [1, 0]])

    innerError = nil
    let hv = try hessianVectorProduct(at: [1.0, 2.0], along: [1, 0]) { x in
      do {
        _ = try hessianVectorProduct(at: [3.0, 4.0], along: [0, 1]) { y in
          x[0] * y[0] * y[1]
        }
      } catch {
        innerError = error
      }
      return x[0] * x[1]
    }
    #expect(innerError as? TapeError == .mixedTapes(.target))
    #expect(hv == [0, 1])
  }

  /// The spelling that nests the types gives the right answer, 1.
  @Test func nestedSpellingIsExact() {
    let nested = derivative(at: 1.0) { x in
      derivative(at: x) { y in Dual(x) * y }
    }
    #expect(nested == 1)
  }

  /// d/dx [x · d/dy (x·y²)] at (x, y) = (2, 3): the inner derivative is
  /// 2xy = 6x, so the outer function is 6x² and its derivative 12x = 24.
  @Test func capturedTwice() {
    let d = derivative(at: 2.0) { x in
      x * derivative(at: 3) { y in Dual(x) * y * y }
    }
    #expect(d == 24)
  }

  /// Nesting the driver three times: (x⁴)‴ = 24x, 48 at 2.
  @Test func thirdDerivativeByNestedDrivers() {
    let d = derivative(at: 2.0) { x in
      derivative(at: x) { y in
        derivative(at: y) { z in z * z * z * z }
      }
    }
    #expect(d == 48)
  }

  /// sin‴ = −cos and exp‴ = exp through Dual<Dual<Dual<Double>>>.
  @Test(arguments: [-1.1, 0.3, 2.4])
  func thirdDerivativeOfRules(_ point: Double) {
    let s = derivative(at: point) { x in
      derivative(at: x) { y in derivative(at: y) { z in sin(z) } }
    }
    #expect(abs(s - -Foundation.cos(point)) <= nestedTolerance)
    let e = derivative(at: point) { x in
      derivative(at: x) { y in derivative(at: y) { z in exp(z) } }
    }
    let expected = Foundation.exp(point)
    #expect(abs(e - expected) <= nestedTolerance * expected)
  }

  /// Built by hand: x = 2 + ε₁ + ε₂ + ε₃; the ε₁ε₂ε₃ part of x⁴ is 24x = 48.
  @Test func explicitTripleDual() {
    typealias D1 = Dual<Double>
    typealias D2 = Dual<D1>
    typealias D3 = Dual<D2>
    let x = D3(D2(D1(2, partials: 1), partials: D1(1)), partials: D2(D1(1)))
    let y = x * x * x * x
    #expect(y.value.value.value == 16)
    #expect(y.partials.partials.partials == 48)
    #expect(y.value.partials.partials == 48)  // f″ = 12x² = 48 at 2
  }

  /// The second derivative by nesting agrees with HyperDual's.
  @Test(arguments: [-0.8, 0.5, 1.9])
  func nestedAgreesWithHyperDual(_ point: Double) {
    let nested = derivative(at: point) { x in
      derivative(at: x) { y in exp(sin(y)) * y }
    }
    let hyper = secondDerivative(at: point) { x in exp(sin(x)) * x }
    #expect(abs(nested - hyper) <= nestedTolerance * max(1, abs(hyper)))
  }
}
