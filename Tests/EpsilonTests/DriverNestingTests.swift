import Testing

@testable import Epsilon

// The drivers' nesting record, alone. While the process has one thread the
// drivers keep it in one record of the process, read without a call into
// the C library; a test process has many threads, so these tests hand the
// functions a record of their own and a flag they set themselves.

/// Two number types standing for two drivers' closures.
private let kindA: Any.Type = Dual<Double>.self
private let kindB: Any.Type = Dual<Float>.self

/// A process record read by the flag `flag`, for one test.
private func withSoleRecord<R>(
  flag: CChar?, _ body: (UnsafeMutablePointer<_SoleThreadNesting>, UnsafeMutablePointer<CChar>) -> R
) -> R {
  let byte = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
  byte.initialize(to: flag ?? 0)
  let record = UnsafeMutablePointer<_SoleThreadNesting>.allocate(capacity: 1)
  record.initialize(to: _SoleThreadNesting(isSoleThread: flag == nil ? nil : UnsafePointer(byte)))
  defer {
    record.deinitialize(count: 1)
    record.deallocate()
    byte.deallocate()
  }
  return body(record, byte)
}

/// The number of drivers on the process's record `sole`.
private func depth(_ sole: UnsafeMutablePointer<_SoleThreadNesting>) -> Int {
  sole.pointee.depth.load(ordering: .relaxed)
}

/// Whether a driver took a thread's record, by `sole`'s account.
private func threadRecordsTaken(_ sole: UnsafeMutablePointer<_SoleThreadNesting>) -> Bool {
  sole.pointee.threadRecordsTaken.load(ordering: .relaxed)
}

/// Whether `entry` is on the process's record, at `depth`.
private func isSole(_ entry: _DriverEntry, depth: Int) -> Bool {
  if case .soleThread(_, let d) = entry { return d == depth }
  return false
}

/// Whether `entry` is on a thread's record.
private func isThread(_ entry: _DriverEntry) -> Bool {
  if case .thread(let record, _) = entry { return record != nil }
  return false
}

@Suite("The drivers' nesting record")
struct DriverNestingTests {
  @Test("On the only thread, drivers nest on the process's record and find their own type")
  func soleThreadNesting() {
    withSoleRecord(flag: 1) { sole, _ in
      let outer = _enterDriver(kindA, sole: sole)
      #expect(isSole(outer.entry, depth: 0) && !outer.nested)
      let other = _enterDriver(kindB, sole: sole)
      #expect(isSole(other.entry, depth: 1) && !other.nested)
      let same = _enterDriver(kindA, sole: sole)
      #expect(isSole(same.entry, depth: 2) && same.nested)
      same.entry.leave()
      other.entry.leave()
      #expect(depth(sole) == 1)
      // After the inner drivers left, a driver on B inside A is not nested.
      let again = _enterDriver(kindB, sole: sole)
      #expect(isSole(again.entry, depth: 1) && !again.nested)
      again.entry.leave()
      outer.entry.leave()
      #expect(depth(sole) == 0)
      #expect(!threadRecordsTaken(sole))
    }
  }

  @Test("A record deeper than its capacity checks every driver")
  func deepNestingIsAlwaysChecked() {
    withSoleRecord(flag: 1) { sole, _ in
      var entries: [_DriverEntry] = []
      // Ten types, each once: only the record's capacity makes a driver
      // nested.
      let kinds: [Any.Type] = [
        Dual<Double>.self, Dual<Float>.self, Dual<SIMD2<Double>>.self,
        Dual<SIMD4<Double>>.self, Dual<SIMD8<Double>>.self, Dual<SIMD16<Double>>.self,
        Dual<SIMD2<Float>>.self, Dual<SIMD4<Float>>.self, Dual<SIMD8<Float>>.self,
        Dual<SIMD16<Float>>.self,
      ]
      for (depth, kind) in kinds.enumerated() {
        let (entry, nested) = _enterDriver(kind, sole: sole)
        #expect(nested == (depth >= _DriverNesting.capacity), "at depth \(depth)")
        entries.append(entry)
      }
      for entry in entries.reversed() { entry.leave() }
      #expect(depth(sole) == 0)
    }
  }

  @Test("A second thread started inside a driver sees it as enclosing, and the thread records stay")
  func secondThreadInsideADriver() {
    withSoleRecord(flag: 1) { sole, flag in
      let outer = _enterDriver(kindA, sole: sole)
      #expect(isSole(outer.entry, depth: 0))
      // The closure starts a thread: the flag goes off. A driver on
      // another type is checked all the same, as enclosed by the outer.
      flag.pointee = 0
      let inner = _enterDriver(kindB, sole: sole)
      #expect(isThread(inner.entry) && inner.nested)
      #expect(threadRecordsTaken(sole))
      inner.entry.leave()
      outer.entry.leave()
      #expect(depth(sole) == 0)
      // With the process's record free, a driver on a thread's record is
      // not nested.
      let alone = _enterDriver(kindA, sole: sole)
      #expect(isThread(alone.entry) && !alone.nested)
      alone.entry.leave()
      // Should the flag come back on, drivers keep to the threads'
      // records, where an enclosing driver may be.
      flag.pointee = 1
      let outerOnThread = _enterDriver(kindA, sole: sole)
      let innerSameType = _enterDriver(kindA, sole: sole)
      #expect(isThread(outerOnThread.entry) && isThread(innerSameType.entry))
      #expect(!outerOnThread.nested && innerSameType.nested)
      innerSameType.entry.leave()
      outerOnThread.entry.leave()
    }
  }

  @Test("Without the C library's flag every driver takes its thread's record")
  func noFlagMeansThreadRecords() {
    withSoleRecord(flag: nil) { sole, _ in
      let outer = _enterDriver(kindA, sole: sole)
      let inner = _enterDriver(kindA, sole: sole)
      #expect(isThread(outer.entry) && !outer.nested)
      #expect(isThread(inner.entry) && inner.nested)
      inner.entry.leave()
      outer.entry.leave()
      #expect(depth(sole) == 0)
    }
  }
}
