import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

/// How folders named on the command line are searched for `*.xml`.
@Suite("Input folders")
struct FileTreeTests {
  @Test func findsXMLBelowFoldersSkipsHiddenAndFollowsNoFolderLinks() throws {
    let folder = try TempFolder(prefix: "file-tree")
    let a = try folder.write("a.xml", "<x/>")
    _ = try folder.write("notes.txt", "")
    let nested = try folder.write("sub/deeper/b.xml", "<x/>")
    _ = try folder.write(".hidden/c.xml", "<x/>")
    _ = try folder.write("sub/.d.xml", "<x/>")
    let manager = FileManager.default
    // A link to a file is read; a link back to the folder itself would loop and is not followed.
    let link = folder.path("sub/link.xml")
    try manager.createSymbolicLink(atPath: link, withDestinationPath: a)
    try manager.createSymbolicLink(atPath: folder.path("sub/loop"), withDestinationPath: folder.path(""))
    // A folder named like a file is searched, not read.
    let inFolder = try folder.write("named.xml/e.xml", "<x/>")

    let (files, missing) = InputFiles.collect([folder.path(""), folder.path("absent")])
    #expect(files == [a, inFolder, link, nested].sorted())
    #expect(missing == [folder.path("absent")])
  }
}
