/// Splits CSV/TSV text into records the way Anki and spreadsheets write them: fields separated by
/// one character, a field in double quotes may hold the separator, newlines and doubled quotes
/// (""), and a line starting with # is a comment. Each record keeps the line it starts on.
struct DelimitedText {
    struct Record {
        var fields: [String]
        var line: Int
    }

    /// The records of `lines` (the file's lines from `firstLine` on, 1-based numbering).
    /// Problems (an unclosed quote) are returned with their line.
    static func records(of text: Substring, firstLine: Int, separator: Unicode.Scalar)
        -> (records: [Record], problems: [(line: Int, message: String)]) {
        var records: [Record] = []
        var problems: [(Int, String)] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = firstLine
        var recordLine = firstLine
        var inQuotes = false
        var fieldStarted = false
        var skippingComment = false
        var recordStarted = false
        let scalars = Array(text.unicodeScalars)
        var i = 0

        func endRecord() {
            if recordStarted {
                fields.append(String(field))
                records.append(Record(fields: fields, line: recordLine))
            }
            fields = []
            field = String.UnicodeScalarView()
            fieldStarted = false
            recordStarted = false
        }

        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if skippingComment {
                if c == "\n" { skippingComment = false; line += 1; recordLine = line }
                continue
            }
            if inQuotes {
                if c == "\"" {
                    if i < scalars.count, scalars[i] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "#" where !recordStarted:
                skippingComment = true
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
                recordStarted = true
            case separator:
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = false
                recordStarted = true
            default:
                field.append(c)
                fieldStarted = true
                recordStarted = true
            }
        }
        if inQuotes {
            problems.append((recordLine, "a quoted field is not closed (a \" is missing)"))
        } else {
            endRecord()
        }
        return (records, problems)
    }
}
