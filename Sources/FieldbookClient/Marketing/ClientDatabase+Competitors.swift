import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Adds (or, with `linked` false, removes) a competitor on an
    /// opportunity's `competitors` set. Concurrent adds and removes merge
    /// per element (an add wins).
    /// - Throws: ``ClientError/recordNotFound(id:)`` for a missing opportunity or competitor.
    @discardableResult
    public func setOpportunityCompetitor(_ opportunityID: String, competitor competitorID: String, linked: Bool) throws
        -> RecordState
    {
        try write { transaction in
            let opportunity = try ProjectionQuery.require("opportunity", opportunityID, in: transaction.db)
            if linked { _ = try ProjectionQuery.require("competitor", competitorID, in: transaction.db) }
            let present = opportunity.elements(of: "competitors").contains(competitorID)
            guard present != linked else { return opportunity }
            return try transaction.edit("opportunity", opportunityID) { builder in
                if linked { builder.add(competitorID, to: "competitors") } else { builder.remove(competitorID, from: "competitors") }
            }
        }
    }

    /// Records an observation of a competitor: a new item at the end of its
    /// `observations` list (a list merges concurrent additions, so two reps
    /// observing offline keep both).
    /// - Throws: ``ClientError/recordNotFound(id:)``, ``ClientError/validationFailed(entity:record:issues:)``
    ///   (e.g. an empty note).
    @discardableResult
    public func observeCompetitor(_ competitorID: String, _ observation: CompetitorObservation) throws -> RecordState {
        try write { transaction in
            let competitor = try ProjectionQuery.require("competitor", competitorID, in: transaction.db)
            for (entity, id) in [("account", observation.account), ("opportunity", observation.opportunity)] {
                if let id { _ = try ProjectionQuery.require(entity, id, in: transaction.db) }
            }
            let last = competitor.items(of: "observations").last?.id
            var members: [String: Value] = ["date": observation.date.value, "note": .text(observation.note)]
            for (member, value) in [
                ("account", observation.account), ("opportunity", observation.opportunity), ("observedBy", observation.observedBy),
            ] {
                if let value { members[member] = .text(value) }
            }
            return try transaction.edit("competitor", competitorID) { builder in
                builder.insertItem(Self.newRecordID(), into: "observations", after: last, members: members)
            }
        }
    }

    /// The live opportunities that name `competitorID` among their competitors.
    public func opportunities(withCompetitor competitorID: String) throws -> [RecordState] {
        try records("opportunity").filter { !$0.isDeleted && $0.elements(of: "competitors").contains(competitorID) }
    }
}
