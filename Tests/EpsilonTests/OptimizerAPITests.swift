// The optimizers' shared surface: the same function forms, one meaning of
// minimize (run until a stopping rule says stop) and of step (one update),
// and results that print in one line.

import Epsilon
import Testing

@Suite("Optimizers: one set of function forms, one meaning of minimize")
struct OptimizerAPITests {
  @Test("Newton takes the closure literal LBFGS takes, and agrees with its ADFunction form")
  func newtonTakesAClosure() throws {
    var a = [-1.2, 1.0]
    var b = a
    let closure = try Newton<Double>().minimize(
      { x in 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]) },
      over: &a)
    let generic = try Newton<Double>().minimize(Rosenbrock(), over: &b)
    var c = [-1.2, 1.0]
    let lbfgs = try LBFGS<Double>().minimize(
      { x in 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]) },
      over: &c)
    #expect(closure.converged && generic.converged && lbfgs.converged)
    #expect(closure.iterations == generic.iterations)
    for (p, q) in zip(a, b) { #expect(Swift.abs(p - q) <= 1e-12) }
    for p in a + c { #expect(Swift.abs(p - 1) <= 1e-6) }
  }

  @Test("minimize runs to its stopping rule; step takes one step")
  func minimizeMeansTheSameEverywhere() throws {
    var adam = try Adam<Double>(learningRate: 0.1)
    var x = [3.0]
    let result = try adam.minimize({ x in (x[0] - 1) * (x[0] - 1) }, over: &x, until: .init())
    #expect(result.iterations > 1)
    var sgd = try SGD<Double>(learningRate: 0.1)
    var y = [3.0]
    let before = try sgd.step({ y in (y[0] - 1) * (y[0] - 1) }, over: &y)
    #expect(before == 4)
    #expect(y == [3.0 - 0.1 * 4])
    #expect(sgd.iterations == 1)
  }

  @Test("a result prints in one line, without its loss history")
  func resultPrintsConcisely() throws {
    var x = [Double](repeating: 0.5, count: 20)
    let result = try LBFGS<Double>().minimize(Rosenbrock(), over: &x)
    let text = "\(result)"
    #expect(!text.contains("\n"))
    #expect(text.contains("lossHistory: \(result.lossHistory.count) values"))
    #expect(text.contains("(20 in all)"))
  }
}
