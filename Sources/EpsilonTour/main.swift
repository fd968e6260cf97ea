// epsilon-tour: the tutorials' cells, computed with Epsilon.
//
//   swift run -c release epsilon-tour            every section
//   swift run -c release epsilon-tour --list     the section names
//   swift run -c release epsilon-tour loss xtx   some sections
//
// The `pictures` and `sparse` sections also write SVG files, to ./epsilon-tour-pictures/
// unless `--pictures DIR` names another directory or `--no-pictures` is given.

import Tour

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

var arguments = Array(CommandLine.arguments.dropFirst())
let sections = Tour.sections
let usage =
  "usage: epsilon-tour [--list] [--pictures DIR | --no-pictures] "
  + "[SECTION ...]"

var picturesDirectory: String? = Tour.defaultPicturesDirectory
if let i = arguments.firstIndex(of: "--pictures") {
  guard i + 1 < arguments.count else {
    print(usage)
    exit(2)
  }
  picturesDirectory = arguments[i + 1]
  arguments.removeSubrange(i...(i + 1))
}
if let i = arguments.firstIndex(of: "--no-pictures") {
  picturesDirectory = nil
  arguments.remove(at: i)
}

if arguments.contains("--help") || arguments.contains("-h") {
  print(usage)
  exit(0)
}
if arguments.contains("--list") {
  for section in sections { print("\(section.id)\t\(section.title)") }
  exit(0)
}
let unknown = arguments.filter { name in !sections.contains { $0.id == name } }
if !unknown.isEmpty {
  print(
    "epsilon-tour: no section named \(unknown.joined(separator: ", ")); "
      + "`epsilon-tour --list` names them all.")
  exit(2)
}
let chosen =
  arguments.isEmpty
  ? sections : sections.filter { arguments.contains($0.id) }

print("Epsilon tour: the TensorFlow GradientTape tutorials, cell by cell.")
print("Each result is printed above the tutorial's own number.\n")
print(Tour.tutorials)
let (text, allAgree) = Tour.render(chosen)
print(text)
if let directory = picturesDirectory,
  chosen.contains(where: { $0.id == "pictures" })
{
  do {
    for path in try Tour.write(Tour.pictures(), to: directory) {
      print("Wrote \(path)")
    }
  } catch {
    print("epsilon-tour: \(error)")
    exit(1)
  }
}
if let directory = picturesDirectory,
  chosen.contains(where: { $0.id == "sparse" })
{
  do {
    let files = try Tour.sparsityPictures().map { (fileName: $0.fileName, text: $0.svg) }
    for path in try Tour.write(files: files, to: directory) {
      print("Wrote \(path)")
    }
  } catch {
    print("epsilon-tour: \(error)")
    exit(1)
  }
}
print(
  allAgree
    ? "Every number agrees with the tutorials."
    : "Some numbers differ from the tutorials (marked ✗).")
exit(allAgree ? 0 : 1)
