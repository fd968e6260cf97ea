/// The tour of examples: every cell of the tutorials, in order, computed
/// with Epsilon and printed beside the tutorial's own number.
public enum Tour {
  /// Every section, in the tutorials' order.
  public static var sections: [Section] {
    firstOrder + tape + secondOrder + optimizers + picturesSections + sparseSections
  }

  /// The TensorFlow tutorials the sections follow, by the numbers their
  /// `source` lines use: each one's title and what it covers.
  public static let tutorials = """
    The tutorials, by the numbers used below (Chinese notebooks on TensorFlow's GradientTape):
      000  求导 (derivatives): central differences, partial derivatives, tapes persistent or
           not, watch on constants, the summed gradients of two targets, nested tapes
      001  GradientTape: y = 2·xᵀx, the derivative of a·x² + b·x + c, gradient descent with
           SGD's apply_gradients and minimize
      002  自定义求导 tf_diffs (custom derivatives): central differences, tapes persistent or
           not, nested tapes, gradient descent with SGD
      003  微积分-求导 (calculus: derivatives): x², the partial derivatives of a least-squares
           loss, higher-order derivatives, persistent tapes, a linear regression
      004  automatic differentiation and gradient tapes (eager mode): a sum of ones,
           intermediate values, control flow, higher-order gradients
    """

  /// Runs `sections` and renders them as text.
  ///
  /// - Returns: the text and whether every check agreed with the tutorial.
  public static func render(_ sections: [Section]) -> (
    text: String, allAgree: Bool
  ) {
    var text = ""
    var allAgree = true
    for (number, section) in sections.enumerated() {
      text += "\n\(number + 1). \(section.title)   [\(section.id)]\n"
      text += "   from \(section.source)\n\n"
      for line in section.code.split(separator: "\n") {
        text += "     \(line)\n"
      }
      text += "\n"
      do {
        for check in try section.run() {
          allAgree = allAgree && check.agrees
          text += render(check, reference: section.reference)
        }
      } catch {
        allAgree = false
        text += "   error: \(error)\n"
      }
    }
    return (text, allAgree)
  }

  static func render(_ check: Check, reference: String) -> String {
    if let tutorialMessage = check.tutorialMessage {
      let mark = check.agrees ? "✓ same sentence" : "✗ DIFFERS"
      return "   \(check.label) \(check.message ?? "no error")\n"
        + "   \(String(repeating: " ", count: check.label.count)) "
        + "\(tutorialMessage)  ← \(reference)   \(mark)\n"
    }
    let mark =
      check.isExact
      ? "✓ same digits"
      : check.agrees
        ? "✓ within \(check.tolerance) relative" : "✗ DIFFERS"
    return "   \(check.label) \(format(check.computed))\n"
      + "   \(String(repeating: " ", count: check.label.count)) "
      + "\(format(check.tutorial))  ← \(reference)   \(mark)\n"
  }

  static func format(_ values: [Double?]) -> String {
    let items = values.map { $0.map { "\($0)" } ?? "nil" }
    return items.count == 1 ? items[0] : "[" + items.joined(separator: ", ") + "]"
  }
}
