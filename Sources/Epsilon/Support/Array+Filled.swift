// Small arrays the drivers return, allocated by specialised code.

extension Array {
  /// `count` copies of `element`: what `Array(repeating:count:)` gives,
  /// allocated where the element type is known.
  ///
  /// `Array(repeating:count:)` allocates through the standard library's
  /// unspecialised path, which looks the storage class's metadata up in the
  /// runtime's cache on every call; for the few entries of a small
  /// gradient or Hessian that lookup costs more than filling them.
  /// `reserveCapacity` on an empty array allocates through code specialised
  /// for the element type, whose metadata reference is cached after its
  /// first use. Filled by one `append(contentsOf:)`, this is the faster
  /// route up to a few dozen entries; from about a hundred the two cost the
  /// same, so long arrays take the standard path. (The forward gradient's
  /// result, every entry of which is overwritten, is a copy of the point
  /// instead: that needs no fill at all.)
  @inlinable
  static func _filled(with element: Element, count: Int) -> [Element] {
    guard count <= 64 else { return Array(repeating: element, count: count) }
    var array = [Element]()
    array.reserveCapacity(count)
    array.append(contentsOf: repeatElement(element, count: count))
    return array
  }
}
