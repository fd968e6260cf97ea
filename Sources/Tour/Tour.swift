/// The tour of examples: every cell of the tutorials, in order, computed
/// with Epsilon and printed beside the tutorial's own number.
public enum Tour {
  /// Every section, in the tutorials' order.
  public static var sections: [Section] {
    firstOrder + tape + secondOrder + optimizers + picturesSections + sparseSections
  }

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
