/// One number (or list of numbers) the tour prints, beside the number the
/// tutorial printed for the same cell.
public struct Check: Sendable {
  /// What was computed, in words and code.
  public var label: String
  /// Epsilon's result; `nil` entries are the tutorial's `None`.
  public var computed: [Double?]
  /// The tutorial's printed result.
  public var tutorial: [Double?]
  /// The largest relative difference that counts as agreement: 0 for an
  /// exact match, or the tutorial's own precision (float32 prints about 7
  /// significant digits) where Epsilon computes in `Double`.
  public var tolerance: Double
  /// For a check of a message instead of numbers: Epsilon's text, which
  /// must contain ``tutorialMessage``.
  public var message: String?
  /// The tutorial's printed message.
  public var tutorialMessage: String?

  /// A check of a list of numbers.
  public init(
    _ label: String, _ computed: [Double?], tutorial: [Double?],
    tolerance: Double = 0
  ) {
    self.label = label
    self.computed = computed
    self.tutorial = tutorial
    self.tolerance = tolerance
  }

  /// A check of one number.
  public init(
    _ label: String, _ computed: Double?, tutorial: Double?,
    tolerance: Double = 0
  ) {
    self.init(label, [computed], tutorial: [tutorial], tolerance: tolerance)
  }

  /// A check of a message: Epsilon's error text must contain the
  /// tutorial's (TensorFlow's) sentence.
  public init(_ label: String, message: String, tutorialMessage: String) {
    self.init(label, [], tutorial: [])
    self.message = message
    self.tutorialMessage = tutorialMessage
  }

  /// Whether every computed number agrees with the tutorial's within
  /// ``tolerance`` (nil only with nil), or the message contains the
  /// tutorial's.
  public var agrees: Bool {
    if let tutorialMessage {
      return message?.contains(tutorialMessage) ?? false
    }
    guard computed.count == tutorial.count else { return false }
    return zip(computed, tutorial).allSatisfy { c, t in
      switch (c, t) {
      case (nil, nil): return true
      case (let c?, let t?):
        if c == t { return true }
        let scale = Swift.max(Swift.abs(c), Swift.abs(t), 1e-300)
        return Swift.abs(c - t) / scale <= tolerance
      default: return false
      }
    }
  }

  /// Whether the agreement is exact, digit for digit.
  public var isExact: Bool {
    agrees && (tutorialMessage != nil || computed == tutorial)
  }
}

/// A section of the tour: the cells of one tutorial topic.
public struct Section: Sendable {
  /// The name used on the command line: `epsilon-tour regression`.
  public var id: String
  /// The heading printed above the section.
  public var title: String
  /// Where the cells come from in the tutorials.
  public var source: String
  /// Swift code shown before the results: the Epsilon spelling of the cell.
  public var code: String
  /// What the checks compare against, as the tour labels it: "tutorial"
  /// for the tutorials' cells, or, beyond them, e.g. "exact minimum".
  public var reference: String
  /// Computes the section's checks.
  public var run: @Sendable () throws -> [Check]

  /// A section.
  public init(
    id: String, title: String, source: String,
    reference: String = "tutorial", code: String,
    run: @escaping @Sendable () throws -> [Check]
  ) {
    self.id = id
    self.title = title
    self.source = source
    self.code = code
    self.reference = reference
    self.run = run
  }
}
