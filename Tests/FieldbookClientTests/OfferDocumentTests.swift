import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

/// A small well-formedness check for the HTML we generate: every tag closes
/// in order (void elements excepted), attributes are quoted, and text holds
/// no raw `<` or stray `&`.
enum HTMLCheck {
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link", "input"]

    /// Problems found, empty when the document is well-formed.
    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            if rest[open] == "&" {
                let entity = rest[open...].prefix(while: { $0 != ";" && $0 != " " && $0 != "<" })
                let name = entity.dropFirst()
                if !(name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "#" }) || name.isEmpty
                    || rest[open...].dropFirst(entity.count).first != ";"
                {
                    problems.append("stray & near \(rest[open...].prefix(20))")
                }
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let close = rest[open...].firstIndex(of: ">") else {
                problems.append("unclosed tag")
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            if tag.contains("<") { problems.append("'<' inside tag \(tag.prefix(20))") }
            if tag.filter({ $0 == "\"" }).count % 2 != 0 { problems.append("unbalanced quotes in \(tag.prefix(20))") }
            let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
            if tag.hasPrefix("/") {
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes \(stack.last ?? "nothing")") }
            } else if !voidElements.contains(name) && !tag.hasSuffix("/") {
                stack.append(name)
            }
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        return problems
    }
}

@Suite("Printable offer (HTML)")
struct OfferDocumentTests {
    @Test func totalsAreRightToTheCentAndTextIsEscaped() throws {
        let work = try FieldWork()
        let account = try work.database.edit("account", ClientDatabase.newRecordID()) { change in
            change.set("name", to: "Müller & Söhne <GmbH>")
            change.insertItem("a1", into: "addresses", after: nil, members: [
                "kind": "billing", "street": "Hauptstr. 1 \"Hof\"", "postalCode": "80331", "city": "München", "country": "DE",
            ])
        }
        let product = try work.fromServer("product", ["name": "Bolt <M8> & nut", "listPrice": "19.99", "unit": "pcs"])
        let offer = try work.database.createOffer(offerDate: FieldWork.today) { change in
            change.set("account", to: .text(account.id))
            change.set("taxRate", to: "19.00")
            change.set("validUntil", to: "2026-12-15")
            change.set("paymentTerms", to: "30 days <net> & 'fair'")
        }
        try work.database.addOfferLine(
            to: offer.id, OfferLineInput(product: product, quantity: DecimalNumber(3), discountPercent: DecimalNumber(unchecked: "12.5")))
        try work.database.addOfferLine(
            to: offer.id,
            OfferLineInput(product: product, description: "Service </td><script>x</script>", quantity: DecimalNumber(unchecked: "0.5"),
                           listPrice: DecimalNumber(unchecked: "99.99")))
        let html = try work.database.offerDocument(offer.id).html()

        #expect(HTMLCheck.problems(html).isEmpty, "\(HTMLCheck.problems(html))")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"), "line text is escaped")
        #expect(!html.contains("src=") && !html.contains("href="), "self-contained")
        #expect(html.contains("Müller &amp; Söhne &lt;GmbH&gt;"))
        #expect(html.contains("Hauptstr. 1 &quot;Hof&quot;") && html.contains("80331 München"))
        #expect(html.contains("Bolt &lt;M8&gt; &amp; nut"))
        #expect(html.contains("30 days &lt;net&gt; &amp; &#39;fair&#39;"))
        #expect(html.contains(try #require(offer.value("provisionalNumber")?.text)))
        #expect(html.contains("2026-11-23") && html.contains("2026-12-15"))
        // 3 × 19.99 × 0.875 = 52.47375 → 52.47; 0.5 × 99.99 = 49.995 → 50.00 (half up).
        let line1 = IndependentOfferMath.lineNetCents(quantity: "3", price: "19.99", discount: "12.5")
        let line2 = IndependentOfferMath.lineNetCents(quantity: "0.5", price: "99.99", discount: "0")
        let net = line1 + line2
        let tax = IndependentOfferMath.taxCents(net, rate: "19.00")
        for cents in [line1, line2, net, tax, net + tax] {
            #expect(html.contains(">\(IndependentOfferMath.text(cents))</td>"), "amount \(cents)")
        }
        #expect(IndependentOfferMath.text(net + tax) == "121.94")  // 102.47 + 19.47
    }

    @Test func bothNumbersShowOnceTheServerAssignedTheFinalOne() throws {
        let work = try FieldWork()
        let account = try work.account()
        let offer = try work.database.createOffer(offerDate: FieldWork.today) { change in
            change.set("account", to: .text(account))
            change.set("taxRate", to: "7.00")
        }
        try work.fromServer("offer", id: offer.id, ["finalNumber": "A-2026-0042"])
        let html = try work.database.offerDocument(offer.id, companyHeader: "Fieldbook & Co").html()
        #expect(html.contains("<h1>Offer A-2026-0042</h1>"))
        #expect(html.contains(try #require(offer.value("provisionalNumber")?.text)))
        #expect(html.contains("Fieldbook &amp; Co"))
        #expect(html.contains(">0.00</td>"), "an offer without lines totals zero")
        #expect(HTMLCheck.problems(html).isEmpty)
        #expect(!HTMLCheck.problems("<p>a < b</p>").isEmpty && !HTMLCheck.problems("<p>a & b</p>").isEmpty)
    }
}
