import ArgumentParser
import Foundation
import LuxLearn
import LuxStore

/// `lux pack`: check, import, list and export lesson packs.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Check, import, list, export and remove lesson packs (a folder or .zip; see docs/lesson-packs.md).",
        subcommands: [PackValidate.self, PackImport.self, PackList.self, PackExport.self, PackRemove.self]
    )
}

/// Loads the pack at `path`, or prints every problem (one `file:line: message` per line) and exits 1.
private func loadPackOrExit(_ path: String) -> LessonPack {
    do {
        return try LessonPack.load(path)
    } catch let problems as PackProblems {
        for problem in problems.problems {
            print(problem.located(under: problems.source))
        }
        let n = problems.problems.count
        FileHandle.standardError.write(Data("lux: \(n) problem\(n == 1 ? "" : "s") in \(path)\n".utf8))
        exit(1)
    } catch {
        exitWithError(error)
    }
}

private func openDatabase() -> LuxDatabase {
    orExit { try LuxDatabase(paths: LuxPaths()) }
}

struct PackValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pack and print every problem as file:line: message (exit 1 if there is any)."
    )

    @Argument(help: "The pack: a folder holding pack.toml, or a .zip of one.")
    var path: String

    func run() throws {
        let pack = loadPackOrExit(path)
        let units = pack.items.filter { $0.kind == .unit }.count
        let items = pack.items.count - units
        print("ok: \(items) item\(items == 1 ? "" : "s") in \(units) unit\(units == 1 ? "" : "s")")
    }
}

struct PackImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a pack, or a newer version of it (progress is kept; dropped items are retired).",
        discussion: "Prints what changed: items added, updated, unchanged, retired and restored, and new cards."
    )

    @Argument(help: "The pack: a folder holding pack.toml, or a .zip of one.")
    var path: String

    func run() throws {
        let pack = loadPackOrExit(path)
        let database = openDatabase()
        let result = orExit { try PackImporter(database: database).importPack(pack) }
        print(result.description)
    }
}

struct PackList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List imported packs: id, version, level, units, items, cards and title."
    )

    func run() throws {
        let listings = orExit { try PackCatalog.list(openDatabase()) }
        guard !listings.isEmpty else {
            print("no packs imported (lux pack import PATH)")
            return
        }
        let rows = [["id", "version", "level", "units", "items", "cards", "title"]] + listings.map { listing in
            let retired = listing.retired > 0 ? " (+\(listing.retired) retired)" : ""
            return [listing.pack.id, listing.pack.version, listing.pack.level, "\(listing.units)",
                    "\(listing.items)\(retired)", "\(listing.cards)", listing.pack.title]
        }
        let widths = (0 ..< rows[0].count - 1).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let padded = zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
            print((padded + [row[row.count - 1]]).joined(separator: "  "))
        }
    }
}

struct PackExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an imported pack to a new folder, or to a .zip when PATH ends in .zip."
    )

    @Argument(help: "The pack's id (see lux pack list).")
    var id: String

    @Argument(help: "Where to write: a new folder, or a file ending in .zip.")
    var path: String

    func run() throws {
        let database = openDatabase()
        let files = orExit { try PackExporter.export(packID: id, database: database, to: path) }
        print("wrote \(path): \(files.files.count) files")
    }
}

struct PackRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an imported pack with its cards and their review history (asks first, unless --yes)."
    )

    @Argument(help: "The pack's id (see lux pack list).")
    var id: String

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let database = openDatabase()
        guard let listing = orExit({ try PackCatalog.list(database) }).first(where: { $0.pack.id == id }) else {
            exitWithError(CLIFailure("no pack \"\(id)\" is imported (lux pack list shows them)"))
        }
        if !yes {
            print("Remove \"\(listing.pack.title)\" (\(id)) with its \(listing.cards) cards and their review history? [y/N] ",
                  terminator: "")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                print("kept \(id)")
                return
            }
        }
        orExit { _ = try database.deletePack(id: id) }
        print("removed \(id)")
    }
}
