import GuideKitXML

/// Writes an element of a Flat OPC package as a standalone XML part: the XML declaration, every
/// namespace the subtree uses declared on its root, text and attributes escaped; the clause
/// bookmarks and anchors named (see ``FlatPackage``).
enum PartSerializer {
  static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  static func serialize(_ root: XMLElement) -> String {
    var namespaces: [String: String] = [:]  // prefix ("" for the default) → URI
    collect(root, into: &namespaces)
    var writer = Writer(namespaces: namespaces, wPrefix: namespaces.first { $0.value == w }?.key ?? "w")
    writer.out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n"
    writer.element(root, isRoot: true)
    return writer.out
  }

  static func collect(_ element: XMLElement, into namespaces: inout [String: String]) {
    if let uri = element.namespaceURI, uri != FlatPackage.wordNamespace {
      namespaces[element.prefix ?? ""] = uri
    }
    for attribute in element.attributes {
      if let uri = attribute.namespaceURI, uri != FlatPackage.wordNamespace, uri != xmlNamespace {
        namespaces[attribute.prefix ?? ""] = uri
      }
    }
    for case .element(let child) in element.children { collect(child, into: &namespaces) }
  }

  struct Writer {
    var namespaces: [String: String]
    /// The prefix of the WordprocessingML namespace in this part.
    var wPrefix: String
    var out = ""
    /// Clause id → the numeric id of its bookmark.
    var bookmarks: [String: Int] = [:]

    mutating func element(_ element: XMLElement, isRoot: Bool = false) {
      let name = qualified(element.name, prefix: element.prefix)
      out += "<" + name
      if isRoot {
        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
          out += (prefix.isEmpty ? " xmlns" : " xmlns:" + prefix) + "=\"" + escape(uri, attribute: true) + "\""
        }
      }
      for (attributeName, value) in attributes(of: element) {
        out += " " + attributeName + "=\"" + escape(value, attribute: true) + "\""
      }
      if element.children.isEmpty {
        out += "/>"
        return
      }
      out += ">"
      for child in element.children {
        switch child {
        case .element(let e): self.element(e)
        case .text(let text): out += escape(text, attribute: false)
        case .comment, .processingInstruction: break
        }
      }
      out += "</" + name + ">"
    }

    func qualified(_ name: String, prefix: String?) -> String {
      guard let prefix, !prefix.isEmpty else { return name }
      return prefix + ":" + name
    }

    /// The attributes as written, with `gkw:clause` and `gkw:anchor` turned into Word's.
    mutating func attributes(of element: XMLElement) -> [(String, String)] {
      var result: [(String, String)] = []
      var clause: String?
      var anchor: String?
      for attribute in element.attributes {
        if attribute.namespaceURI == FlatPackage.wordNamespace {
          if attribute.name == "clause" { clause = attribute.value }
          if attribute.name == "anchor" { anchor = attribute.value }
          continue
        }
        let prefix = attribute.namespaceURI == PartSerializer.xmlNamespace ? "xml" : attribute.prefix
        result.append((qualified(attribute.name, prefix: prefix), attribute.value))
      }
      let w = wPrefix
      if let clause, element.namespaceURI == PartSerializer.w {
        if element.name == "bookmarkStart" {
          let number = bookmarks[clause] ?? bookmarks.count
          bookmarks[clause] = number
          result.removeAll { $0.0 == "\(w):id" || $0.0 == "\(w):name" }
          result.insert(("\(w):id", String(number)), at: 0)
          result.insert(("\(w):name", BookmarkName.encode(clause)), at: 1)
        } else if element.name == "bookmarkEnd" {
          result.removeAll { $0.0 == "\(w):id" }
          result.insert(("\(w):id", String(bookmarks[clause] ?? bookmarks.count)), at: 0)
        }
      }
      if let anchor {
        result.removeAll { $0.0 == "\(w):anchor" }
        result.append(("\(w):anchor", BookmarkName.encode(anchor)))
      }
      return result
    }
  }

  /// `&`, `<` and `>` escaped (in attributes also `"` and the white space XML would normalise).
  static func escape(_ text: String, attribute: Bool) -> String {
    var clean = true
    for byte in text.utf8
    where byte == 0x26 || byte == 0x3C || byte == 0x3E || (attribute && (byte == 0x22 || byte < 0x20)) {
      clean = false
      break
    }
    if clean { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "\n" where attribute: out += "&#10;"
      case "\r" where attribute: out += "&#13;"
      case "\t" where attribute: out += "&#9;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
