// Writing the pictures to disk with the C library: no Foundation needed.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A picture file that could not be written, with the system's reason.
public struct PictureWriteError: Error, CustomStringConvertible {
  /// The file or directory.
  public var path: String
  /// The system's message (`strerror`).
  public var reason: String

  /// What failed and what to do.
  public var description: String {
    "cannot write \(path): \(reason). Choose another directory with "
      + "`--pictures DIR`, or skip the files with `--no-pictures`."
  }
}

extension Tour {
  /// The directory the tour writes its pictures to unless told otherwise.
  public static let defaultPicturesDirectory = "epsilon-tour-pictures"

  /// Writes each picture as `directory/fileName`, creating the directory
  /// (and its parents) if needed and replacing files already there.
  ///
  /// - Parameters:
  ///   - pictures: What to write, usually ``pictures()``.
  ///   - directory: Where; relative paths are from the working directory.
  /// - Returns: The paths written, in order.
  /// - Throws: ``PictureWriteError`` naming the path that failed.
  public static func write(_ pictures: [Picture], to directory: String)
    throws -> [String]
  {
    try write(files: pictures.map { ($0.fileName, $0.plot.svg()) }, to: directory)
  }

  /// Writes each file's text as `directory/fileName`, creating the
  /// directory (and its parents) if needed and replacing files already
  /// there.
  ///
  /// - Returns: The paths written, in order.
  /// - Throws: ``PictureWriteError`` naming the path that failed.
  public static func write(
    files: [(fileName: String, text: String)], to directory: String
  ) throws -> [String] {
    try makeDirectory(directory)
    var written: [String] = []
    for (fileName, text) in files {
      let path =
        directory.hasSuffix("/")
        ? directory + fileName : directory + "/" + fileName
      guard let file = fopen(path, "w") else { throw failure(path) }
      let status = fputs(text, file)
      // fclose flushes: a full disk can show only there.
      guard fclose(file) == 0, status >= 0 else { throw failure(path) }
      written.append(path)
    }
    return written
  }

  /// `mkdir -p`: each missing directory along `path`.
  static func makeDirectory(_ path: String) throws {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part + "/"
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw failure(prefix)
      }
    }
  }

  /// The error for `path`, with `errno`'s message.
  static func failure(_ path: String) -> PictureWriteError {
    PictureWriteError(path: path, reason: String(cString: strerror(errno)))
  }
}
