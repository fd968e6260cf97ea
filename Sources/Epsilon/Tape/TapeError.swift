/// A misuse of a ``GradientTape``: each case says what happened and what
/// to do.
///
/// Misuse never gives a wrong number or a crash: an operation on variables
/// of two tapes, or on a variable recorded before ``GradientTape/clear()``
/// or on a released tape, gives a poisoned variable, and a gradient of or
/// with respect to it throws one of these.
public enum TapeError: Error, Equatable, CustomStringConvertible {
  /// Which argument of a gradient request was at fault.
  public enum Role: String, Equatable, Sendable {
    /// The target (what is differentiated).
    case target
    /// A source (what it is differentiated with respect to).
    case source
  }

  /// A non-persistent tape was asked for a second set of gradients.
  case nonPersistentTapeReused
  /// The target or a source was computed from variables of two different
  /// tapes.
  case mixedTapes(Role)
  /// The target or a source was recorded before the tape was cleared or
  /// on a tape since released, or was computed from such a variable.
  case staleVariable(Role)
  /// The target or a source is recorded on another tape.
  case foreignVariable(Role)
  /// The tape could not grow while recording the target or a source: it
  /// reached its limit of slots (2³² − 3), or the memory ran out.
  case tapeFull(Role)
  /// ``GradientTape/reserveCapacity(_:)`` was asked for more slots than a
  /// tape holds (2³² − 3) or than the memory allows.
  case cannotReserve(slots: Int)
  /// The adjoints of a gradient sweep (one scalar per recorded slot), or
  /// an array a driver builds for its inputs or gradient, could not be
  /// allocated.
  case outOfMemory(bytes: Int)
  /// The number of output gradients (cotangents) differs from the number
  /// of targets (outputs).
  case cotangentCountMismatch(outputs: Int, cotangents: Int)

  /// What went wrong and how to fix it.
  public var description: String {
    switch self {
    case .nonPersistentTapeReused:
      return "A non-persistent GradientTape can only be used to compute one "
        + "set of gradients: create it with GradientTape(persistent: true) "
        + "to ask for gradients more than once, or call clear() and record "
        + "again."
    case .mixedTapes(let role):
      return "the \(role.rawValue) was computed from variables of two "
        + "different GradientTapes: record the whole computation on one "
        + "tape. To differentiate a derivative, nest the tapes "
        + "(GradientTape<GradientTape<Double>.Variable>) and record the "
        + "inner tape's variables from the outer tape's."
    case .staleVariable(let role):
      return "the \(role.rawValue) was recorded before its tape was "
        + "cleared, or on a tape that has been released (or computed from "
        + "such a variable): record it again on the current tape, and keep "
        + "the tape alive while you use its variables."
    case .foreignVariable(let role):
      return "the \(role.rawValue) is recorded on another GradientTape: "
        + "ask the tape that recorded it."
    case .tapeFull(let role):
      return "the tape could not grow while recording the \(role.rawValue): "
        + "it reached its limit of 2^32 - 3 slots, or the memory for more "
        + "ran out: differentiate in smaller pieces, or use forward mode."
    case .cannotReserve(let slots):
      return "reserveCapacity(\(slots)) cannot be met: a tape holds at most "
        + "2^32 - 3 slots, and their memory must be available. Reserve "
        + "less; the tape is unchanged and still usable."
    case .outOfMemory(let bytes):
      return "\(bytes) bytes could not be allocated (the adjoints of a "
        + "sweep, one scalar per recorded slot, or a driver's array of "
        + "inputs or gradients): record fewer operations or inputs "
        + "(differentiate in pieces) or free memory."
    case .cotangentCountMismatch(let outputs, let cotangents):
      return "\(cotangents) output gradients were given for \(outputs) "
        + "outputs: pass one cotangent per output."
    }
  }
}
