extension CitationScan {
  /// Words that join a provision to the one before it.
  static let connectors = ["及び", "並びに", "又は", "若しくは", "、", "，", "・", "と", "から", "～", "〜"]
  /// Parts of a provision named after it (「第24条第1項ただし書」).
  static let provisionParts = ["ただし書", "本文", "前段", "後段", "各号列記以外の部分", "各号"]
  /// Words ending in a law-like suffix that are no law titles: two-character ones as whole words
  /// (方法, but 労働組合法 is a title), longer ones also as the end of a word (…就業規則).
  static let notTitles: Set<String> = [
    "同法", "本法", "新法", "旧法", "方法", "手法", "文法", "司法", "立法", "違法", "適法", "合法", "用法",
    "寸法", "作法", "命令", "指令", "法令", "関係法令", "就業規則", "社内規則", "服務規則",
  ]

  // MARK: - Lists and ranges

  /// A provision after a list connector that continues the citation before it.
  mutating func continuation(at i: Int) -> Int? {
    guard let last, last.end == i else { return nil }
    var at = skipSpaces(i)
    // 「第1項ただし書及び第2項」: a part of the provision named after it does not break the list.
    if let part = Self.provisionParts.first(where: { has($0, at: at) }) { at += part.count }
    for connector in Self.connectors where has(connector, at: at) {
      let j = skipSpaces(at + connector.count)
      switch last.kind {
      case .law:
        guard let partial = ProvisionCitation.partial(in: chars, at: j), let base = last.provision,
          let provision = partial.completed(from: (base.article, base.paragraph, base.item))
        else { continue }
        if connector == "から" || connector == "～" || connector == "〜" {
          emitRange(from: base, fromStart: last.start, to: provision, start: j, end: partial.end, law: last.law)
        } else {
          emitLaw(start: j, end: partial.end, law: last.law, provision: provision)
        }
        return partial.end
      case .clause:
        let k = skipSpaces(j)
        guard let source = last.source, let end = clauseID(at: k) else { continue }
        emitClause(start: k, id: k, end: end, source: source)
        return end
      case .control:
        continue
      }
    }
    return nil
  }

  // MARK: - Laws and anaphora

  mutating func law(at i: Int) -> Int? {
    let c = chars[i].value
    // 同, 前, 次, 本
    if c == 0x540C || c == 0x524D || c == 0x6B21 || c == 0x672C {
      if let next = anaphor(at: i) { return next }
    }
    if c == 0x9644, has("附則", at: i), context.referent != nil {  // 附
      return supplementary(start: i, after: i + 2, law: context.referent)
    }
    if !context.aliases.isEmpty, i == 0 || !Self.isTitleCharacter(chars[i - 1]), let next = alias(at: i) {
      return next
    }
    if let (lawID, length) = recognizer.titles.lawName(in: chars, at: i) {
      var j = i + length
      if let close = parenthetical(at: j) {
        // 「労働基準法（昭和22年法律第49号。以下「法」という。）」 defines 「法」 for the document.
        if let name = definedName(in: j + 1, close - 1) { context.aliases[name] = .known(lawID) }
        if has("第", at: close) || has("附則", at: close) { j = close }
      }
      if has("附則", at: j) { return supplementary(start: i, after: j + 2, law: .known(lawID)) ?? j + 2 }
      if let partial = ProvisionCitation.partial(in: chars, at: j, bareArticle: true), let article = partial.article {
        let provision = ProvisionCitation(article: article, paragraph: partial.paragraph, item: partial.item)
        emitLaw(start: i, end: partial.end, law: .known(lawID), provision: provision)
        return partial.end
      }
      // A law named without a provision: 同法 and a bare 第N条 after it refer to it.
      context.mention(.known(lawID))
      return i + length
    }
    guard c == 0x7B2C else { return nil }  // 第
    guard let partial = ProvisionCitation.partial(in: chars, at: i), let article = partial.article else {
      return nil
    }
    let provision = ProvisionCitation(article: article, paragraph: partial.paragraph, item: partial.item)
    if let (title, start) = titleLikeWord(endingAt: i) {
      let law: CitationContext.Law =
        recognizer.titles.lawID(for: title).map { .known($0) } ?? .unknown(title)
      emitLaw(start: start, end: partial.end, law: law, provision: provision)
    } else if context.referent != nil {
      emitLaw(start: i, end: partial.end, law: context.referent, provision: provision)
    }
    return partial.end
  }

  /// A name the document defined for a law (「法第32条」 after 「以下「法」という」), followed by a
  /// provision; nil when none stands at `i`.
  private mutating func alias(at i: Int) -> Int? {
    for (name, law) in context.aliases.sorted(by: { $0.key.count > $1.key.count }) where has(name, at: i) {
      let j = i + name.unicodeScalars.count
      guard let partial = ProvisionCitation.partial(in: chars, at: j, bareArticle: true),
        let article = partial.article
      else { continue }
      emitLaw(
        start: i, end: partial.end, law: law,
        provision: ProvisionCitation(article: article, paragraph: partial.paragraph, item: partial.item))
      return partial.end
    }
    return nil
  }

  /// X in 「以下「X」という」 within `start..<end`.
  private func definedName(in start: Int, _ end: Int) -> String? {
    var k = start
    while k < end {
      if has("以下「", at: k) {
        let open = k + 3
        var close = open
        while close < end, chars[close] != "」" { close += 1 }
        guard close < end, close > open, has("」という", at: close) else { return nil }
        return string(open, close)
      }
      k += 1
    }
    return nil
  }

  /// 同法…, 同条…, 同項…, 同号…, 前条…, 次条…, 前項…, 次項…, 前各項, 本条….
  private mutating func anaphor(at i: Int) -> Int? {
    if let word = ["同法", "同令", "同規則"].first(where: { has($0, at: i) }) {
      var law = context.referent
      var j = i + word.count
      // 同法施行令, 同法施行規則: the order or rule of the law 同法 refers to, a law of its own.
      if word == "同法", let suffix = ["施行令", "施行規則"].first(where: { has($0, at: j) }) {
        j += suffix.count
        if case .known(let id) = law, let title = recognizer.titles.title(of: id),
          let ruleID = recognizer.titles.lawID(for: title + suffix)
        {
          law = .known(ruleID)
        } else if case .known(let id) = law {
          law = .unknown((recognizer.titles.title(of: id) ?? id) + suffix)
        } else if case .unknown(let title) = law {
          law = .unknown(title + suffix)
        }
      }
      if has("附則", at: j) { return supplementary(start: i, after: j + 2, law: law) ?? j + 2 }
      guard let partial = ProvisionCitation.partial(in: chars, at: j, bareArticle: true),
        let article = partial.article
      else { return j }
      let provision = ProvisionCitation(article: article, paragraph: partial.paragraph, item: partial.item)
      if law == nil {
        unresolved(start: i, end: partial.end, "「\(word)」 refers to no law named before it in this clause")
      } else {
        emitLaw(start: i, end: partial.end, law: law, provision: provision)
      }
      return partial.end
    }
    // Without a law cited before them, 前条, 同項 … refer to the guideline's own text.
    guard context.law != nil else { return nil }
    if has("前各項", at: i) {
      guard let law = context.law, let article = context.article, let p = context.paragraph, p > 1 else {
        unresolved(start: i, end: i + 3, "「前各項」 follows no paragraph 2 or later of a law cited before it")
        return i + 3
      }
      for q in 1..<p {
        emitLaw(
          start: i, end: i + 3, law: law, provision: ProvisionCitation(article: article, paragraph: q), implied: true)
      }
      context.paragraph = p
      return i + 3
    }
    let words = ["同条", "本条", "同項", "同号", "前条", "次条", "前項", "次項"]
    guard let word = words.first(where: { has($0, at: i) }) else { return nil }
    let partial = ProvisionCitation.partial(in: chars, at: i + 2)
    if partial?.article != nil { return nil }
    let end = partial?.end ?? i + 2
    guard let law = context.law, let article = context.article else {
      unresolved(start: i, end: end, "「\(word)」 follows no provision of a law cited before it in this clause")
      return end
    }
    var target: ProvisionCitation
    switch word {
    case "同条", "本条":
      target = ProvisionCitation(article: article, paragraph: partial?.paragraph, item: partial?.item)
    case "同項":
      target = ProvisionCitation(article: article, paragraph: context.paragraph ?? 1, item: partial?.item)
    case "同号":
      guard let item = context.item else {
        unresolved(start: i, end: end, "「同号」 follows no item (号) cited before it")
        return end
      }
      target = ProvisionCitation(article: article, paragraph: context.paragraph, item: item)
    case "前項", "次項":
      let current = context.paragraph ?? 1
      let paragraph = word == "前項" ? current - 1 : current + 1
      guard paragraph >= 1 else {
        unresolved(start: i, end: end, "「前項」 after a first paragraph names no paragraph")
        return end
      }
      target = ProvisionCitation(article: article, paragraph: paragraph, item: partial?.item)
    default:  // 前条, 次条
      guard let neighbour = neighbour(of: article, law: law, next: word == "次条") else {
        let name: String
        if case .known(let id) = law { name = id } else { name = "the law" }
        unresolved(
          start: i, end: end,
          "「\(word)」 needs the article list of \(name): put the law in the reference store (`guidekit sources fetch`)")
        return end
      }
      target = ProvisionCitation(article: neighbour, paragraph: partial?.paragraph, item: partial?.item)
    }
    emitLaw(start: i, end: end, law: law, provision: target)
    return end
  }

  /// The article before or after `article`: from the law's article list when the store has it;
  /// without it only 前条 of a branch article is certain (第32条の3 → 第32条の2, 第32条の2 → 第32条).
  private func neighbour(of article: [Int], law: CitationContext.Law, next: Bool) -> [Int]? {
    if case .known(let id) = law, let list = recognizer.articles(id), let k = list.firstIndex(of: article) {
      let m = next ? k + 1 : k - 1
      return list.indices.contains(m) ? list[m] : nil
    }
    guard !next, article.count == 2 else { return nil }
    return article[1] == 2 ? [article[0]] : [article[0], article[1] - 1]
  }

  /// 附則 (and 附則第N条/第N項 after it): flagged, not linked.
  private mutating func supplementary(start: Int, after j: Int, law: CitationContext.Law?) -> Int? {
    let partial = ProvisionCitation.partial(in: chars, at: j)
    let end = partial?.end ?? j
    var source: String?
    if case .known(let id) = law { source = id }
    if !overlapsLinked(start, end) {
      found.append(
        Citation(kind: .law, range: range(start, end), source: source, provision: nil, problem: .supplementary))
    }
    last = nil
    return end
  }

  /// The index after a parenthetical 「（昭和22年法律第49号）」 at `i`, if one stands there.
  private func parenthetical(at i: Int) -> Int? {
    guard i < chars.count, chars[i] == "（" || chars[i] == "(" else { return nil }
    var k = i + 1
    while k < chars.count, k - i < 80 {
      if chars[k] == "（" || chars[k] == "(" { return nil }
      if chars[k] == "）" || chars[k] == ")" { return k + 1 }
      k += 1
    }
    return nil
  }

  /// A word right before `i` that looks like a law title (ends in 法, 法律, 令 or 規則): a run of
  /// kanji and katakana, extended over 「の」 and 「に関する」 joining further runs.
  static func isTitleCharacter(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x4E00...0x9FFF, 0x3005, 0x30A1...0x30FA, 0x30FC, 0x30FB, 0xFF65: return true
    default: return false
    }
  }

  private func titleLikeWord(endingAt i: Int) -> (String, Int)? {
    var start = i
    while start > 0, Self.isTitleCharacter(chars[start - 1]) { start -= 1 }
    guard start < i else { return nil }
    let word = string(start, i)
    guard word.hasSuffix("法") || word.hasSuffix("法律") || word.hasSuffix("令") || word.hasSuffix("規則"),
      word.count >= 2, !Self.notTitles.contains(where: { word == $0 || ($0.count > 2 && word.hasSuffix($0)) })
    else { return nil }
    // Extend over 「に関する」 and 「の」 that join kanji runs (「個人情報の保護に関する法律」).
    var extended = start
    while true {
      var joint = 0
      if extended >= 4, has("に関する", at: extended - 4) {
        joint = 4
      } else if extended >= 1, chars[extended - 1] == "の" {
        joint = 1
      }
      guard joint > 0 else { break }
      var k = extended - joint
      while k > 0, Self.isTitleCharacter(chars[k - 1]) { k -= 1 }
      guard k < extended - joint else { break }
      extended = k
    }
    return (string(extended, i), extended)
  }

  // MARK: - Emitting

  mutating func emitLaw(
    start: Int, end: Int, law: CitationContext.Law?, provision: ProvisionCitation, implied: Bool = false
  ) {
    guard !overlapsLinked(start, end) else { return }
    var citation = Citation(
      kind: .law, range: range(start, end), source: nil, provision: provision.provisionPath, impliedByRange: implied)
    switch law {
    case .known(let id): citation.source = id
    case .unknown(let title): citation.problem = .unknownTitle(title)
    case nil: citation.problem = .unresolved("no law is named before this provision")
    }
    found.append(citation)
    if let law {
      context.cite(law: law, article: provision.article, paragraph: provision.paragraph, item: provision.item)
    }
    if !implied {
      last = Last(start: start, end: end, kind: .law, source: citation.source, law: law, provision: provision)
    }
  }

  /// The provisions after `first` (already emitted) up to `final`, the ones between implied.
  private mutating func emitRange(
    from first: ProvisionCitation, fromStart: Int, to final: ProvisionCitation, start: Int, end: Int,
    law: CitationContext.Law?
  ) {
    var lawArticles: [[Int]]?
    if case .known(let id) = law { lawArticles = recognizer.articles(id) }
    guard let all = first.range(to: final, articles: lawArticles), all.count >= 2 else {
      emitLaw(start: start, end: end, law: law, provision: final)
      return
    }
    for provision in all.dropFirst().dropLast() {
      emitLaw(start: fromStart, end: end, law: law, provision: provision, implied: true)
    }
    emitLaw(start: start, end: end, law: law, provision: final)
  }

  private mutating func unresolved(start: Int, end: Int, _ why: String) {
    guard !overlapsLinked(start, end) else { return }
    found.append(
      Citation(kind: .law, range: range(start, end), source: nil, provision: nil, problem: .unresolved(why)))
    last = nil
  }
}
