// epsilon-tour: the tutorials' cells, computed with Epsilon.
//
//   swift run -c release epsilon-tour            every section
//   swift run -c release epsilon-tour --list     the section names
//   swift run -c release epsilon-tour loss xtx   some sections

import Tour

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
let sections = Tour.sections

if arguments.contains("--help") || arguments.contains("-h") {
  print("usage: epsilon-tour [--list] [SECTION ...]")
  exit(0)
}
if arguments.contains("--list") {
  for section in sections { print("\(section.id)\t\(section.title)") }
  exit(0)
}
let unknown = arguments.filter { name in !sections.contains { $0.id == name } }
if !unknown.isEmpty {
  print("epsilon-tour: no section named \(unknown.joined(separator: ", ")); "
    + "`epsilon-tour --list` names them all.")
  exit(2)
}
let chosen = arguments.isEmpty
  ? sections : sections.filter { arguments.contains($0.id) }

print("Epsilon tour: the TensorFlow GradientTape tutorials, cell by cell.")
print("Each result is printed above the tutorial's own number.")
let (text, allAgree) = Tour.render(chosen)
print(text)
print(allAgree
  ? "Every number agrees with the tutorials."
  : "Some numbers differ from the tutorials (marked ✗).")
exit(allAgree ? 0 : 1)
