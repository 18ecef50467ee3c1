/// What anaphora refer to: the law and provision cited last (同法, 同条, 同項, 前条…).
///
/// One context spans a guideline unit (a clause): `guidekit` starts a new one at each clause and
/// passes it from block to block, so that 「同法」 in a note refers to the law of its paragraph.
public struct CitationContext: Sendable, Hashable {
  enum Law: Sendable, Hashable {
    case known(String)
    case unknown(String)
  }

  /// The law of the provision cited last.
  var law: Law?
  var article: [Int]?
  var paragraph: Int?
  var item: [Int]?
  /// A law named without a provision after the last citation, and the sentence it was named in.
  var mentioned: Law?
  var mentionSentence = 0
  var citeSentence = 0
  /// Sentences (。) read so far; each block starts a new one.
  var sentence = 0
  /// Names the document defined for laws (「以下「法」という」): kept from unit to unit.
  var aliases: [String: Law] = [:]

  public init() {}

  /// The context for the next unit (clause, section, chapter): nothing to refer to, but the names
  /// the document defined for laws.
  public func nextUnit() -> CitationContext {
    var next = CitationContext()
    next.aliases = aliases
    return next
  }

  /// The law 同法 (or a bare 第N条) refers to: the law of the last provision cited, unless a law
  /// was named after it in a later sentence. 「労働基準法第75条第1項…、労働者災害補償保険法に基づく
  /// 給付…（同法第84条第1項）」 cites 労働基準法第84条: a law named in passing within the sentence
  /// of a citation does not take 同法 over.
  var referent: Law? {
    if let mentioned, law == nil || mentionSentence > citeSentence { return mentioned }
    return law
  }

  /// The LawId 同法 refers to now, if known.
  public var lawID: String? {
    if case .known(let id) = referent { return id }
    return nil
  }

  /// A law named without a provision.
  mutating func mention(_ law: Law) {
    mentioned = law
    mentionSentence = sentence
  }

  mutating func cite(law: Law, article: [Int], paragraph: Int?, item: [Int]?) {
    mentioned = nil
    citeSentence = sentence
    self.law = law
    self.article = article
    self.paragraph = paragraph
    self.item = item
  }

  /// A linked `<ref>` seen in the text: its law and provision become the context.
  mutating func cite(source: String, provision: String) {
    guard LawID.looksLikeLawID(source) else { return }
    law = .known(source)
    mentioned = nil
    citeSentence = sentence
    if let citation = ProvisionCitation(provisionPath: provision) {
      article = citation.article
      paragraph = citation.paragraph
      item = citation.item
    } else {
      article = nil
      paragraph = nil
      item = nil
    }
  }
}
