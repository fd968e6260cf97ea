import Testing

@testable import Tour

/// Every number the tour prints is asserted here against the tutorial's.
@Suite struct TourTests {
  @Test(arguments: Tour.sections.map(\.id))
  func sectionAgreesWithTheTutorial(_ id: String) throws {
    let section = try #require(Tour.sections.first { $0.id == id })
    let checks = try section.run()
    #expect(!checks.isEmpty)
    for check in checks {
      #expect(
        check.agrees,
        "\(id): \(check.label) \(check.computed) ≠ tutorial \(check.tutorial)")
    }
  }

  @Test func sectionNamesAreUnique() {
    let ids = Tour.sections.map(\.id)
    #expect(Set(ids).count == ids.count)
  }

  @Test func aCheckCanDisagree() {
    #expect(!Check("x", 1.0, tutorial: 1.5, tolerance: 1e-7).agrees)
    #expect(!Check("x", [nil], tutorial: [1.0]).agrees)
    #expect(Check("x", 1.0, tutorial: 1.0 + 1e-9, tolerance: 1e-7).agrees)
  }
}
