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

  /// Issue 16: stripping the outer variable with `.value` makes the inner
  /// derivative's type `Dual<Double>`, the outer's own, and the outer `x`
  /// can then be multiplied with the inner `y`: their tangents add in one
  /// lane (1·1 + 1·1 = 2 where d/dy (x·y) = x = 1). Nothing in the two
  /// numbers tells them apart (no tag: see Limitations, "Perturbation
  /// confusion"), so this is pinned as the documented behaviour; the
  /// spelling that nests the types gives 1.
  @Test("Perturbation confusion through .value: documented (2), and the nested spelling gives 1")
  func confusionThroughValueIsDocumented() {
    let confused = derivative(at: 1.0) { x in
      Dual(derivative(at: x.value) { y in x * y })
    }
    #expect(confused == 0)  // the outer derivative of a constant
    var inner = 0.0
    _ = derivative(at: 1.0) { x in
      inner = derivative(at: x.value) { y in x * y }
      return x
    }
    #expect(inner == 2)  // pinned: the confused value
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
