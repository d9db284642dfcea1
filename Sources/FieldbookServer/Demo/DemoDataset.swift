/// The demo dataset `fieldbook-server serve --demo` seeds into an empty data
/// directory: two territories, four users, a small product catalog and ten
/// accounts of German B2B customers with contacts, opportunities and
/// appointments, spread over both territories. Every name is invented.
///
/// Record IDs are fixed (`demo-…`), so documentation and tests can name them.
enum DemoDataset {
    /// The password of every demo user.
    static let password = "fieldbook-demo"

    /// A territory: its name and code.
    struct Territory: Sendable {
        var name: String
        var code: String
    }

    /// A user: login, display name, role and territories (by name).
    struct User: Sendable {
        var login: String
        var displayName: String
        var role: String
        var territories: [String] = []
    }

    /// A catalog product.
    struct Product: Sendable {
        var id: String
        var number: String
        var name: String
        var group: String
        var unit: String
        var listPrice: String
    }

    /// A contact person at an account.
    struct Contact: Sendable {
        var id: String
        var salutation: String
        var firstName: String
        var lastName: String
        var function: String
        var buyingRole: String
        var email: String
    }

    /// An open opportunity of an account.
    struct Opportunity: Sendable {
        var id: String
        var number: String
        var name: String
        var amount: String
        var phase: String
        var probability: String
        /// Days from today to the expected close.
        var closesInDays: Int
    }

    /// A planned visit at an account, with its first contact.
    struct Appointment: Sendable {
        var id: String
        var subject: String
        /// Days from today; the visit starts at 09:00 UTC and lasts 90 minutes.
        var inDays: Int
    }

    /// An account with its people and deals; the owner is the territory's rep.
    struct Account: Sendable {
        var id: String
        var number: String
        var name: String
        var industry: String
        var territory: String
        var owner: String
        var abcClass: String
        var street: String
        var postalCode: String
        var city: String
        var phone: String
        var contacts: [Contact]
        var opportunities: [Opportunity] = []
        var appointment: Appointment? = nil
    }

    static let territories = [Territory(name: "North", code: "N"), Territory(name: "South", code: "S")]

    static let users = [
        User(login: "admin", displayName: "Demo Administrator", role: "admin"),
        User(login: "eva", displayName: "Eva Schneider", role: "office"),
        User(login: "anna", displayName: "Anna Lorenz", role: "rep", territories: ["North"]),
        User(login: "ben", displayName: "Ben Hofmann", role: "rep", territories: ["South"]),
    ]

    static let products = [
        Product(id: "demo-product-1", number: "HP-200", name: "Hydraulikpumpe HP-200", group: "Hydraulik", unit: "Stk", listPrice: "1290.00"),
        Product(id: "demo-product-2", number: "FB-3000", name: "Förderband FB-3000 (3 m)", group: "Fördertechnik", unit: "Stk", listPrice: "8450.00"),
        Product(id: "demo-product-3", number: "SV-12", name: "Sensorset Vibration SV-12", group: "Sensorik", unit: "Set", listPrice: "640.00"),
        Product(id: "demo-product-4", number: "WV-STD", name: "Wartungsvertrag Standard (12 Monate)", group: "Service", unit: "Jahr", listPrice: "2400.00"),
        Product(id: "demo-product-5", number: "EP-BASIS", name: "Ersatzteilpaket Basis", group: "Ersatzteile", unit: "Pkt", listPrice: "385.50"),
    ]

    static let accounts: [Account] = north + south

    private static let north = [
        Account(
            id: "demo-account-01", number: "K-10001", name: "Hansen Maschinenbau GmbH", industry: "Maschinenbau",
            territory: "North", owner: "anna", abcClass: "A", street: "Billstraße 112", postalCode: "20539",
            city: "Hamburg", phone: "+49 40 7821-0",
            contacts: [
                Contact(id: "demo-contact-01", salutation: "mr", firstName: "Jens", lastName: "Hansen", function: "Geschäftsführer", buyingRole: "decision_maker", email: "j.hansen@hansen-maschinenbau.example"),
                Contact(id: "demo-contact-02", salutation: "ms", firstName: "Katrin", lastName: "Voss", function: "Einkaufsleiterin", buyingRole: "purchaser", email: "k.voss@hansen-maschinenbau.example"),
            ],
            opportunities: [
                Opportunity(id: "demo-opportunity-01", number: "VC-2026-001", name: "Modernisierung Fertigungslinie 2", amount: "48500.00", phase: "Angebot", probability: "60.00", closesInDays: 30)
            ],
            appointment: Appointment(id: "demo-appointment-01", subject: "Angebotsbesprechung Fertigungslinie 2", inDays: 2)
        ),
        Account(
            id: "demo-account-02", number: "K-10002", name: "Nordlicht Logistik KG", industry: "Logistik",
            territory: "North", owner: "anna", abcClass: "B", street: "Am Speicher 7", postalCode: "28217",
            city: "Bremen", phone: "+49 421 390 55-0",
            contacts: [
                Contact(id: "demo-contact-03", salutation: "mr", firstName: "Ole", lastName: "Petersen", function: "Leiter Lager", buyingRole: "user", email: "o.petersen@nordlicht-logistik.example")
            ],
            opportunities: [
                Opportunity(id: "demo-opportunity-02", number: "VC-2026-002", name: "Förderbänder Halle 4", amount: "25350.00", phase: "Qualifizierung", probability: "25.00", closesInDays: 75)
            ]
        ),
        Account(
            id: "demo-account-03", number: "K-10003", name: "Petersen & Söhne Metallbau GmbH", industry: "Metallbau",
            territory: "North", owner: "anna", abcClass: "C", street: "Werftstraße 21", postalCode: "24148",
            city: "Kiel", phone: "+49 431 720 18-0",
            contacts: [
                Contact(id: "demo-contact-04", salutation: "mr", firstName: "Hauke", lastName: "Petersen", function: "Inhaber", buyingRole: "decision_maker", email: "info@petersen-metallbau.example")
            ]
        ),
        Account(
            id: "demo-account-04", number: "K-10004", name: "Brinkmann Lebensmitteltechnik AG", industry: "Lebensmittel",
            territory: "North", owner: "anna", abcClass: "A", street: "Podbielskistraße 160", postalCode: "30177",
            city: "Hannover", phone: "+49 511 6470-0",
            contacts: [
                Contact(id: "demo-contact-05", salutation: "ms", firstName: "Sabine", lastName: "Brinkmann", function: "Technische Leiterin", buyingRole: "influencer", email: "s.brinkmann@brinkmann-lt.example"),
                Contact(id: "demo-contact-06", salutation: "mr", firstName: "Thomas", lastName: "Kruse", function: "Einkauf", buyingRole: "purchaser", email: "t.kruse@brinkmann-lt.example"),
            ],
            opportunities: [
                Opportunity(id: "demo-opportunity-03", number: "VC-2026-003", name: "Wartungsverträge 2027", amount: "19200.00", phase: "Verhandlung", probability: "75.00", closesInDays: 14)
            ]
        ),
        Account(
            id: "demo-account-05", number: "K-10005", name: "Elbufer Verpackungen GmbH", industry: "Verpackung",
            territory: "North", owner: "anna", abcClass: "B", street: "Hafenstraße 3", postalCode: "23568",
            city: "Lübeck", phone: "+49 451 309 77-0",
            contacts: [
                Contact(id: "demo-contact-07", salutation: "ms", firstName: "Maren", lastName: "Jacobsen", function: "Produktionsleiterin", buyingRole: "decision_maker", email: "m.jacobsen@elbufer-verpackungen.example")
            ]
        ),
    ]

    private static let south = [
        Account(
            id: "demo-account-06", number: "K-20001", name: "Huber Präzisionstechnik GmbH", industry: "Feinmechanik",
            territory: "South", owner: "ben", abcClass: "A", street: "Heilbronner Straße 88", postalCode: "70191",
            city: "Stuttgart", phone: "+49 711 2560-0",
            contacts: [
                Contact(id: "demo-contact-08", salutation: "mr", firstName: "Markus", lastName: "Huber", function: "Geschäftsführer", buyingRole: "decision_maker", email: "m.huber@huber-praezision.example"),
                Contact(id: "demo-contact-09", salutation: "ms", firstName: "Claudia", lastName: "Weber", function: "Instandhaltung", buyingRole: "user", email: "c.weber@huber-praezision.example"),
            ],
            opportunities: [
                Opportunity(id: "demo-opportunity-04", number: "VC-2026-004", name: "Sensorik-Nachrüstung Werk Feuerbach", amount: "12800.00", phase: "Angebot", probability: "50.00", closesInDays: 21)
            ],
            appointment: Appointment(id: "demo-appointment-02", subject: "Vorführung Sensorset SV-12", inDays: 3)
        ),
        Account(
            id: "demo-account-07", number: "K-20002", name: "Alpen-Kunststoffwerk Maier KG", industry: "Kunststoff",
            territory: "South", owner: "ben", abcClass: "B", street: "Innstraße 45", postalCode: "83022",
            city: "Rosenheim", phone: "+49 8031 4099-0",
            contacts: [
                Contact(id: "demo-contact-10", salutation: "mr", firstName: "Florian", lastName: "Maier", function: "Werksleiter", buyingRole: "decision_maker", email: "f.maier@alpen-kunststoff.example")
            ]
        ),
        Account(
            id: "demo-account-08", number: "K-20003", name: "Schwarzwald Elektro Fischer GmbH", industry: "Elektrotechnik",
            territory: "South", owner: "ben", abcClass: "C", street: "Kaiser-Joseph-Straße 200", postalCode: "79098",
            city: "Freiburg im Breisgau", phone: "+49 761 380 21-0",
            contacts: [
                Contact(id: "demo-contact-11", salutation: "ms", firstName: "Julia", lastName: "Fischer", function: "Einkauf", buyingRole: "purchaser", email: "j.fischer@sw-elektro.example")
            ]
        ),
        Account(
            id: "demo-account-09", number: "K-20004", name: "Bergmann Medizintechnik AG", industry: "Medizintechnik",
            territory: "South", owner: "ben", abcClass: "A", street: "Leopoldstraße 150", postalCode: "80804",
            city: "München", phone: "+49 89 3090 5-0",
            contacts: [
                Contact(id: "demo-contact-12", salutation: "mr", firstName: "Stefan", lastName: "Bergmann", function: "Vorstand Technik", buyingRole: "decision_maker", email: "s.bergmann@bergmann-medtech.example"),
                Contact(id: "demo-contact-13", salutation: "ms", firstName: "Andrea", lastName: "Keller", function: "Qualitätssicherung", buyingRole: "influencer", email: "a.keller@bergmann-medtech.example"),
            ],
            opportunities: [
                Opportunity(id: "demo-opportunity-05", number: "VC-2026-005", name: "Reinraum-Fördertechnik", amount: "96000.00", phase: "Qualifizierung", probability: "20.00", closesInDays: 120)
            ]
        ),
        Account(
            id: "demo-account-10", number: "K-20005", name: "Frankenland Druckerei Wagner GmbH & Co. KG", industry: "Druck",
            territory: "South", owner: "ben", abcClass: "B", street: "Äußere Sulzbacher Straße 60", postalCode: "90491",
            city: "Nürnberg", phone: "+49 911 5987-0",
            contacts: [
                Contact(id: "demo-contact-14", salutation: "mr", firstName: "Klaus", lastName: "Wagner", function: "Geschäftsführer", buyingRole: "decision_maker", email: "k.wagner@frankenland-druck.example")
            ],
            opportunities: [
                Opportunity(id: "demo-opportunity-06", number: "VC-2026-006", name: "Ersatzteilversorgung Druckstraße", amount: "7710.00", phase: "Angebot", probability: "40.00", closesInDays: 45)
            ]
        ),
    ]
}
