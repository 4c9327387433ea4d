package dev.dashgen.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PRODUCT.md §4.2: remote URLs to web addresses, and the view, edit and commit links made from them. */
class RepoLinksTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "https://github.com/acme/board.git,                 https://github.com/acme/board",
            "https://github.com/acme/board,                     https://github.com/acme/board",
            "https://github.com/acme/board/,                    https://github.com/acme/board",
            "http://github.com/acme/board.git,                  https://github.com/acme/board",
            "https://x-access-token:ghs_secret@github.com/acme/board.git, https://github.com/acme/board",
            "git@github.com:acme/board.git,                     https://github.com/acme/board",
            "git@github.com:acme/board,                         https://github.com/acme/board",
            "ssh://git@github.com/acme/board.git,               https://github.com/acme/board",
            "ssh://git@ssh.github.com:443/acme/board.git,       https://github.com/acme/board",
            "git://github.com/acme/board.git,                   https://github.com/acme/board",
            "git@gitlab.com:acme/platform/board.git,            https://gitlab.com/acme/platform/board",
            "https://gitlab.com/acme/board.git,                 https://gitlab.com/acme/board",
            "ssh://git@gitlab.example.org:2222/team/board.git,  https://gitlab.example.org/team/board",
            "git@github.example.com:acme/board.git,             https://github.example.com/acme/board",
    })
    void remotesOnGitHubAndGitLabGiveTheirWebAddress(String remote, String web) {
        assertEquals(Optional.of(web), RemoteUrl.webUrl(remote));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"https://bitbucket.org/acme/board.git", "git@bitbucket.org:acme/board.git",
            "/srv/git/board.git", "../board.git", "file:///srv/git/board.git", "https://github.com/acme",
            "https://github.com/acme/board/extra", "https://github.com/acme/bo%22ard", "git@github.com:acme/../../x",
            "javascript:alert(1)", ""})
    void otherRemotesGiveNothing(String remote) {
        assertEquals(Optional.empty(), RemoteUrl.webUrl(remote));
    }

    @Test
    void viewEditAndCommitLinksOnGitHub() {
        RepoLinks links = RepoLinks.of("https://github.com/acme/board", "main");
        assertEquals("https://github.com/acme/board/blob/main/specifications/checkout.md", links.view("specifications/checkout.md"));
        assertEquals("https://github.com/acme/board/edit/main/work/collaboration/inbox/t-1.yaml",
                links.edit("work/collaboration/inbox/t-1.yaml"));
        assertEquals("https://github.com/acme/board/commit/0123abcd", links.commit("0123ABCD"));
    }

    @Test
    void gitLabPagesSitUnderTheDashScope() {
        RepoLinks links = RepoLinks.of("https://gitlab.com/acme/platform/board", "main");
        assertEquals("https://gitlab.com/acme/platform/board/-/blob/main/a.md", links.view("a.md"));
        assertEquals("https://gitlab.com/acme/platform/board/-/edit/main/a.md", links.edit("a.md"));
        assertEquals("https://gitlab.com/acme/platform/board/-/commit/abcdef12", links.commit("abcdef12"));
    }

    @Test
    void pathsAndBranchesAreEncodedSegmentBySegment() {
        RepoLinks links = RepoLinks.of("https://github.com/acme/board/", "feature/ünïcode #1");
        assertEquals("https://github.com/acme/board/blob/feature/%C3%BCn%C3%AFcode%20%231/docs/My%20Plan%20%28v2%29%3F.md",
                links.view("docs/My Plan (v2)?.md"));
    }

    @Test
    void withoutABranchTheLinksFollowTheDefaultBranch() {
        assertEquals("https://github.com/acme/board/blob/HEAD/a.md", RepoLinks.of("https://github.com/acme/board.git", null).view("a.md"));
    }

    @Test
    void aConfiguredRemoteFormIsReadLikeTheOriginAndCredentialsNeverShow() {
        assertEquals("https://github.com/acme/board/blob/main/a.md", RepoLinks.of("git@github.com:acme/board.git", "main").view("a.md"));
        assertEquals("https://github.com/acme/board/blob/main/a.md",
                RepoLinks.of("https://bob:hunter2@github.com/acme/board", "main").view("a.md"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.org/repo", "https://", "not a url", "  "})
    void anUnusableRepoUrlGivesNoLinks(String url) {
        RepoLinks links = RepoLinks.of(url, "main");
        assertFalse(links.available());
        assertNull(links.view("a.md"));
        assertNull(links.edit("a.md"));
        assertNull(links.commit("abcdef12"));
    }

    @Test
    void aSelfHostedAddressFromConfigLinksLikeGitHub() {
        assertEquals("https://code.example.org/acme/board/blob/main/a.md", RepoLinks.of("https://code.example.org/acme/board", "main").view("a.md"));
    }

    @Test
    void aCommitIdMustBeHex() {
        assertNull(RepoLinks.of("https://github.com/acme/board", "main").commit("../../evil"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "NULL", value = {
            "specifications/a.md,              INSIDE,  specifications/a.md",
            "'\"./specifications/a.md\"',      INSIDE,  specifications/a.md",
            "' ''specifications/a.md'' ',      INSIDE,  specifications/a.md",
            "/specifications/./x/../a.md,      INSIDE,  specifications/a.md",
            "specifications\\a.md#intro,       INSIDE,  specifications/a.md",
            "../other-repo/a.md,               OUTSIDE, ../other-repo/a.md",
            "specs/../../a.md,                 OUTSIDE, specs/../../a.md",
            "https://example.org/spec.md,      OUTSIDE, https://example.org/spec.md",
            "C:\\Users\\bob\\spec.md,          OUTSIDE, C:/Users/bob/spec.md",
            "~/spec.md,                        OUTSIDE, ~/spec.md",
            "null,                             NONE,    NULL",
            "'',                               NONE,    NULL",
            "./,                               NONE,    NULL",
    })
    void pathsAreMadeRelativeToTheRepositoryRootWithoutTheDisk(String raw, RepoPath.Kind kind, String path) {
        RepoPath p = RepoPath.of(raw);
        assertEquals(kind, p.kind(), p::toString);
        assertEquals(path, p.path());
    }
}
