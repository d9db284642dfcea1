import FieldbookClient
import FieldbookModel
import FieldbookSync
import Testing

@Suite("Provisional offer numbers")
struct OfferNumberTests {
    func create(_ work: FieldWork, _ account: String, year: Int = 2026) throws -> RecordState {
        try work.database.createOffer(offerDate: CalendarDate(year: year, month: 11, day: 23)!) { change in
            change.set("account", to: .text(account))
            change.set("taxRate", to: "19.00")
        }
    }

    @Test func numbersCountUpPerDeviceAndYear() throws {
        let work = try FieldWork()
        let account = try work.account()
        let prefix = work.database.offerNumberPrefix
        #expect(prefix.count == 6)
        #expect(prefix == prefix.uppercased())
        let first = try create(work, account)
        let second = try create(work, account)
        let nextYear = try create(work, account, year: 2027)
        #expect(first.value("provisionalNumber") == .text("\(prefix)-2026-0001"))
        #expect(second.value("provisionalNumber") == .text("\(prefix)-2026-0002"))
        #expect(nextYear.value("provisionalNumber") == .text("\(prefix)-2027-0001"))
        #expect(first.value("status") == "draft")
        #expect(first.value("offerDate") == "2026-11-23")
    }

    @Test func aDeletedOffersNumberIsNotReused() throws {
        let work = try FieldWork()
        let account = try work.account()
        _ = try create(work, account)
        let second = try create(work, account)
        try work.database.write { try $0.delete("offer", second.id) }
        let third = try create(work, account)
        #expect(third.value("provisionalNumber") == .text("\(work.database.offerNumberPrefix)-2026-0003"))
    }

    @Test func twoDevicesNeverShareANumber() throws {
        let one = try FieldWork()
        let two = try FieldWork()
        #expect(one.database.offerNumberPrefix != two.database.offerNumberPrefix)
        let a = try create(one, try one.account())
        let b = try create(two, try two.account())
        #expect(a.value("provisionalNumber") != b.value("provisionalNumber"))
    }

    @Test func offersAreListedByAccountAndStatus() throws {
        let work = try FieldWork()
        let mueller = try work.account()
        let bauer = try work.account("Bauer AG")
        let draft = try create(work, mueller)
        let sent = try work.database.createOffer(offerDate: FieldWork.today.adding(days: 1)) { change in
            change.set("account", to: .text(mueller))
            change.set("taxRate", to: "19.00")
        }
        try work.database.editOffer(sent.id) { change in
            change.set("validUntil", to: "2026-12-31")
            change.set("status", to: "sent")
        }
        let other = try create(work, bauer)
        #expect(try work.database.offers(account: mueller).map(\.id) == [sent.id, draft.id])
        #expect(try work.database.offers(status: "sent").map(\.id) == [sent.id])
        #expect(try work.database.offers(account: bauer, status: "draft").map(\.id) == [other.id])
        // Sending without a validity date breaks a rule.
        #expect(throws: ClientError.self) { try work.database.editOffer(draft.id) { $0.set("status", to: "sent") } }
    }
}
