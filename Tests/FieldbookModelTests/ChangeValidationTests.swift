import FieldbookModel
import FieldbookSync
import Testing

@Suite("Change validation")
struct ChangeValidationTests {
    let strict = SchemaValidator()
    typealias F = Fixtures

    func codes(_ change: Change, _ validator: SchemaValidator? = nil) -> [String] {
        (validator ?? strict).validate(change: change).map(\.code.rawValue)
    }

    func codes(_ entity: String, _ ops: [Operation], base: [Operation] = [], role: Role? = nil) -> [String] {
        let validator = SchemaValidator(options: ValidationOptions(unknownFields: .reject, role: role))
        return validator.validate(change: F.change(entity, base + ops)).map(\.code.rawValue)
    }

    @Test func validChangesPass() {
        #expect(strict.validate(change: F.change("account", F.account)).isEmpty)
        #expect(strict.validate(change: F.change("opportunity", F.opportunity)).isEmpty)
        #expect(strict.validate(change: F.change("offer", F.offer)).isEmpty)
        #expect(SchemaValidator(options: .server(role: .rep)).validate(change: F.change("offer", F.offer)).isEmpty)
    }

    @Test func structureRecordIDAndEntity() {
        #expect(codes(F.change("account", [])) == ["invalid_structure"])
        #expect(codes(F.change("account", record: "Müller GmbH", F.account)) == ["invalid_record_id"])
        #expect(codes(F.change("spaceship", F.account)) == ["unknown_entity"])
        let preserving = SchemaValidator(options: .preserving).validate(change: F.change("spaceship", F.account))
        #expect(preserving.map(\.code) == [.unknownEntity] && !preserving.hasErrors)
        let other = RecordState(entity: "contact", id: "rec-1")
        #expect(strict.validate(change: F.change("account", F.account), current: other).map(\.code) == [.entityMismatch])
    }

    @Test func scalarKinds() {
        let base = F.account
        #expect(codes("account", [F.set("colour", "red")], base: base) == ["unknown_field"])
        #expect(codes("account", [F.set("careIntervalDays", "30")], base: base) == ["kind_mismatch"])
        #expect(codes("account", [F.set("careIntervalDays", 0)], base: base) == ["out_of_range"])
        #expect(codes("account", [F.set("careIntervalDays", 30)], base: base) == [])
        #expect(codes("account", [F.set("abcClass", "D")], base: base) == ["value_not_allowed"])
        #expect(codes("account", [F.set("owner", "not an id")], base: base) == ["invalid_reference"])
        #expect(codes("account", [F.set("number", .text(String(repeating: "9", count: 41)))], base: base) == [
            "text_too_long"
        ])
        #expect(codes("account", [F.set("lastVisitDate", "2025-02-30")], base: base) == ["invalid_date"])
        #expect(codes("account", [F.set("email", "mueller@")], base: base) == ["invalid_email"])
        #expect(codes("account", [F.set("phone", "call me")], base: base) == ["invalid_phone"])
        #expect(codes("account", [F.set("phone", "+49 (711) 123-45/6")], base: base) == [])
        #expect(codes("account", [F.set("email", "ä.b@müller.de")], base: base) == [])
        #expect(codes("appointment", [F.set("start", "2025-03-04T08:30:00+01:00")]).contains("invalid_datetime"))
        #expect(codes("account", [F.set("name", nil)]) == ["required_cleared"])
        #expect(codes("account", [F.set("industry", nil)], base: base) == [])
        #expect(codes("account", [Operation(slot: .field("industry"), value: nil)], base: base) == ["removal_not_allowed"])
        #expect(codes("account", [Operation(slot: .element("x", of: "industry"), value: true)], base: base) == [
            "invalid_slot_shape"
        ])
    }

    @Test func decimals() {
        let base = F.opportunity
        #expect(codes("opportunity", [F.set("amount", "1250.00")], base: base) == [])
        for text in ["1250.0", "1250", "01250.00", "-0.00", "1.25e3", "1,250.00"] {
            #expect(codes("opportunity", [F.set("amount", .text(text))], base: base) == ["decimal_not_canonical"], "\(text)")
        }
        #expect(codes("opportunity", [F.set("amount", "-5.00")], base: base) == ["out_of_range"])
        #expect(codes("opportunity", [F.set("amount", 1250)], base: base) == ["kind_mismatch"])
        #expect(codes("opportunity", [F.set("probability", "100.01")], base: base) == ["out_of_range"])
        #expect(codes("opportunity", [F.set("probability", "100.00")], base: base) == [])
        #expect(codes("invoice", [F.set("netTotal", "-5.00")], base: [
            F.set("number", "R-1"), F.set("account", "acc-1"), F.set("invoiceDate", "2025-01-01"),
        ]) == [])
    }

    @Test func sets() {
        let base = F.opportunity
        let add = { (element: String) in Operation(slot: .element(element, of: "buyingCenter"), value: true) }
        #expect(codes("opportunity", [add("contact-7")], base: base) == [])
        #expect(codes("opportunity", [add("Frau Müller")], base: base) == ["invalid_set_element"])
        #expect(codes("opportunity", [Operation(slot: .element("Frau Müller", of: "buyingCenter"), value: nil)], base: base)
            == [])
        #expect(codes("opportunity", [Operation(slot: .element("contact-7", of: "buyingCenter"), value: false)], base: base)
            == ["kind_mismatch"])
        #expect(codes("opportunity", [F.set("buyingCenter", "contact-7")], base: base) == ["invalid_slot_shape"])
        let enumSet = Operation(slot: .element("pirate", of: "roles"), value: true)
        #expect(codes("account", [enumSet], base: F.account) == ["invalid_set_element"])
        let long = Operation(slot: .element(String(repeating: "x", count: 101), of: "interests"), value: true)
        #expect(codes("account", [long], base: F.account) == ["invalid_set_element"])
    }

    @Test func lists() {
        let base = F.offer
        func member(_ name: String, _ value: Value?, item: String = "line-1") -> Operation {
            Operation(slot: .member(name, ofItem: item, in: "lines"), value: value)
        }
        #expect(codes("offer", [member("quantity", "1.5")], base: base) == ["decimal_not_canonical"])
        #expect(codes("offer", [member("product", "Bohrmaschine 18V")], base: base) == ["invalid_reference"])
        #expect(codes("offer", [member("colour", "red")], base: base) == ["unknown_field"])
        #expect(codes("offer", [member("@pos", "i0")], base: base) == ["invalid_position"])
        #expect(codes("offer", [member("@pos", 5)], base: base) == ["invalid_position"])
        #expect(codes("offer", [member("@pos", nil)], base: base) == ["removal_not_allowed"])
        #expect(codes("offer", [member("quantity", nil)], base: base) == ["removal_not_allowed"])
        #expect(codes("offer", [member("quantity", .null)], base: base) == ["required_cleared"])
        #expect(codes("offer", [member("discountPercent", .null)], base: base) == [])
        #expect(codes("offer", [Operation(slot: .item("line 2", of: "lines"), value: true)], base: base)
            == ["invalid_item_id"])
        #expect(codes("offer", [Operation(slot: .item("line-2", of: "lines"), value: "yes")], base: base)
            == ["kind_mismatch"])
        #expect(codes("offer", [F.set("lines", true)], base: base) == ["invalid_slot_shape"])
        let issue = strict.validate(change: F.change("offer", base + [member("quantity", "-1.000")])).first
        #expect(issue?.code == .outOfRange && issue?.field == "lines" && issue?.member == "quantity")
    }

    @Test func deletes() {
        #expect(codes(F.change("account", [Operation(slot: .deleted, value: true)])) == [])
        #expect(codes(F.change("account", F.account + [Operation(slot: .deleted, value: false)])) == [])
        #expect(codes(F.change("account", [Operation(slot: .deleted, value: "yes")])).contains("deleted_not_bool"))
        #expect(codes(F.change("account", [Operation(slot: .deleted, value: nil)])) == ["deleted_not_bool"])
    }

    @Test func permissions() {
        let product = [F.set("number", "P-1"), F.set("name", "Drill")]
        #expect(codes("product", product, role: .rep) == ["read_only"])
        #expect(codes("product", product, role: .office) == [])
        #expect(codes("product", product, role: nil) == [])
        #expect(codes("user", [F.set("login", "anna"), F.set("displayName", "Anna"), F.set("role", "rep")], role: .office)
            == ["read_only"])
        #expect(codes("offer", [F.set("finalNumber", "A-2025-0001")], base: F.offer, role: .rep) == ["read_only"])
        #expect(codes("offer", [F.set("finalNumber", "A-2025-0001")], base: F.offer, role: .system) == [])
        #expect(codes("account", [F.set("abcClass", "A")], base: F.account, role: .rep) == ["read_only"])
        #expect(codes("account", [F.set("abcClass", "A")], base: F.account, role: .manager) == [])
        #expect(codes("order", [Operation(slot: .deleted, value: true)], role: .rep) == ["read_only"])
    }

    @Test func messagesNeverContainValues() {
        let secret = "SECRET-Müller"
        let ops: [(String, [Operation])] = [
            ("account", [F.set("abcClass", .text(secret))]),
            ("account", [F.set("owner", .text(secret))]),
            ("account", [F.set("email", .text(secret))]),
            ("account", [F.set("phone", .text(secret))]),
            ("account", [F.set("number", .text(secret + String(repeating: "x", count: 40)))]),
            ("account", [F.set("lastVisitDate", .text(secret))]),
            ("account", [Operation(slot: .element(secret, of: "roles"), value: true)]),
            ("offer", [Operation(slot: .member("quantity", ofItem: "l-1", in: "lines"), value: .text(secret))]),
            ("opportunity", [F.set("amount", .text(secret))]),
        ]
        let duplicate = Change(
            entity: "account", record: "rec-1", dot: Dot(replica: F.anna, counter: 1), time: .zero,
            ops: [Operation(slot: .element(secret, of: "interests"), value: true),
                  Operation(slot: .element(secret, of: "interests"), value: nil)]
        )
        #expect(strict.validate(change: duplicate).map(\.code) == [.invalidStructure])
        for (entity, ops) in ops {
            let issues = strict.validate(change: F.change(entity, ops))
            #expect(!issues.isEmpty)
            for issue in issues + strict.validate(change: duplicate) {
                #expect(!issue.message.contains("SECRET") && !issue.description.contains("SECRET"), "\(issue.code)")
            }
        }
    }
}
