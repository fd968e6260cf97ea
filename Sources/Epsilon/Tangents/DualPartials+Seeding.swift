// Seeding, checked: the one place a seed's lane is validated.

extension DualPartials {
  /// ``unitPartials(_:)``, checked: the seeding initializers of every
  /// number type call this.
  ///
  /// - Throws: ``EpsilonError/seedOutOfRange(index:partialCount:)`` unless
  ///   `0 <= index < partialCount`.
  @inlinable
  static func _checkedUnitPartials(_ index: Int) throws(EpsilonError) -> Self {
    guard index >= 0, index < partialCount else {
      throw .seedOutOfRange(index: index, partialCount: partialCount)
    }
    return unitPartials(index)
  }
}
