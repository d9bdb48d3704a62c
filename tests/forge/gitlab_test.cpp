// forge::GitlabClient end to end against the fake GitLab server.
#include "forge/gitlab.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "tests/forge/capture.h"
#include "tests/forge/fake_gitlab.h"

namespace benchgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kMarker = forge::sticky_marker("suite:micro");

forge::GitlabClient client_for(const FakeGitlab& gitlab, Capture& capture,
                               const std::string& project = "42", std::string token = "") {
  return forge::GitlabClient(gitlab.api_base(),
                             forge::Secret(token.empty() ? gitlab.options().token : token), project,
                             capture.options());
}

TEST(GitlabNote, FirstRunCreatesRerunUpdates) {
  FakeGitlab gitlab;
  Capture capture;
  auto first = client_for(gitlab, capture).upsert_mr_note(5, kMarker, "run 1");
  auto second = client_for(gitlab, capture).upsert_mr_note(5, kMarker, "run 2");
  EXPECT_TRUE(first.created);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(first.id, second.id);
  auto notes = gitlab.notes(5);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].body, kMarker + "\nrun 2");
  EXPECT_EQ(gitlab.request_count("PUT", "/notes/"), 1u);
}

TEST(GitlabNote, SkipsSystemNotesAndFindsOursAcrossPages) {
  FakeGitlab gitlab;
  // Ours is the oldest note, so newest-first listing puts it on the last page; a system note
  // "by" our bot user that happens to contain the marker comes first and must be skipped.
  long long ours = gitlab.add_note(5, "project_42_bot", kMarker + "\nold", false);
  for (int i = 0; i < 130; ++i) gitlab.add_note(5, "alice", "review " + std::to_string(i), false);
  long long system = gitlab.add_note(5, "project_42_bot", "mentioned in " + kMarker, true);
  Capture capture;
  auto result = client_for(gitlab, capture).upsert_mr_note(5, kMarker, "new");
  EXPECT_FALSE(result.created);
  EXPECT_EQ(result.id, ours);
  EXPECT_EQ(gitlab.request_count("GET", "/notes"), 2u);
  EXPECT_EQ(gitlab.request_count("POST", "/notes"), 0u);
  for (const auto& note : gitlab.notes(5)) {
    if (note.id == system) {
      EXPECT_EQ(note.body, "mentioned in " + kMarker);
    }
  }
}

TEST(GitlabNote, AUsersNoteWithOurMarkerIsLeftAlone) {
  FakeGitlab gitlab;
  const std::string quoted = "copying " + kMarker + " here";
  gitlab.add_note(5, "alice", quoted, false);
  Capture capture;
  EXPECT_TRUE(client_for(gitlab, capture).upsert_mr_note(5, kMarker, "report").created);
  auto notes = gitlab.notes(5);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].body, quoted);
}

TEST(GitlabNote, ProjectMayBeGivenAsPath) {
  FakeGitlab gitlab;
  Capture capture;
  client_for(gitlab, capture, "group/sub/widgets").upsert_mr_note(5, kMarker, "a");
  client_for(gitlab, capture, "group%2Fsub%2Fwidgets").upsert_mr_note(5, kMarker, "b");
  EXPECT_EQ(gitlab.notes(5).size(), 1u);
  EXPECT_EQ(forge::gitlab_project_segment("123"), "123");
  EXPECT_THROW(forge::gitlab_project_segment("a b"), InputError);
  EXPECT_THROW(forge::gitlab_project_segment(""), InputError);
}

TEST(GitlabNote, BadTokenFailsWithoutShowingIt) {
  FakeGitlab gitlab;
  Capture capture;
  const std::string wrong = "glpat-WrongButSecret0123456789";
  try {
    client_for(gitlab, capture, "42", wrong).upsert_mr_note(5, kMarker, "x " + wrong);
    FAIL() << "a wrong token was accepted";
  } catch (const forge::HttpError& e) {
    EXPECT_EQ(e.status(), 401);
    EXPECT_THAT(e.what(), Not(HasSubstr(wrong)));
  }
  EXPECT_THAT(capture.all_lines(), Not(HasSubstr(wrong)));
  EXPECT_TRUE(gitlab.notes(5).empty());
}

TEST(GitlabNote, RateLimitIsHonoured) {
  FakeGitlab gitlab;
  gitlab.inject_fault(Fault::on("GET", "/notes", 429).header("retry-after", "1"));
  Capture capture;
  client_for(gitlab, capture).upsert_mr_note(5, kMarker, "x");
  ASSERT_EQ(capture.sleeps.size(), 1u);
  EXPECT_EQ(capture.sleeps[0], std::chrono::seconds(1));
  EXPECT_EQ(gitlab.notes(5).size(), 1u);
}

// The SVG contains bytes that would break a naive multipart body: CRLF, quotes, and a line that
// looks like a boundary. The server must receive it byte for byte.
TEST(GitlabUpload, FileArrivesIntactAndItsMarkdownIsReturned) {
  FakeGitlab gitlab;
  Capture capture;
  const std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\">\r\n--benchgate-0\r\n<text>\"a\"</text></svg>";
  auto uploaded =
      client_for(gitlab, capture).upload_file("micro-BM_Sort.svg", "image/svg+xml", svg);
  auto uploads = gitlab.uploads();
  ASSERT_EQ(uploads.size(), 1u);
  EXPECT_EQ(uploads[0].content, svg);
  EXPECT_EQ(uploads[0].filename, "micro-BM_Sort.svg");
  EXPECT_EQ(uploads[0].content_type, "image/svg+xml");
  EXPECT_EQ(uploaded.url, uploads[0].url);
  EXPECT_EQ(uploaded.markdown, "![micro-BM_Sort](" + uploads[0].url + ")");
}

TEST(GitlabUpload, FilenameCannotInjectHeaders) {
  FakeGitlab gitlab;
  Capture capture;
  client_for(gitlab, capture).upload_file("a\"\r\nX-Evil: 1.svg", "image/svg+xml", "<svg/>");
  auto uploads = gitlab.uploads();
  ASSERT_EQ(uploads.size(), 1u);
  EXPECT_EQ(uploads[0].filename, "a___X-Evil: 1.svg");
}

TEST(GitlabUpload, RefusalIsAnHttpErrorWithoutTheToken) {
  FakeGitlab gitlab;
  Capture capture;
  try {
    client_for(gitlab, capture, "999").upload_file("x.svg", "image/svg+xml", "<svg/>");
    FAIL() << "an unknown project accepted an upload";
  } catch (const forge::HttpError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_THAT(e.what(), Not(HasSubstr(gitlab.options().token)));
  }
  EXPECT_TRUE(gitlab.uploads().empty());
}

TEST(GitlabUpload, OversizedFileIsNotSent) {
  FakeGitlab gitlab;
  Capture capture;
  const std::string huge(forge::kGitlabUploadLimit + 1, 'x');
  EXPECT_THROW(client_for(gitlab, capture).upload_file("big.svg", "image/svg+xml", huge),
               InputError);
  EXPECT_EQ(gitlab.request_count("POST", "/uploads"), 0u);
}

TEST(GitlabUpload, AnswerWithoutAnUploadsUrlIsRefused) {
  FakeGitlab gitlab;
  gitlab.inject_fault(
      Fault::on("POST", "/uploads", 201)
          .with_body(R"j({"url":"https://evil.example/x.svg","markdown":"![x](y)"})j"));
  Capture capture;
  EXPECT_THROW(client_for(gitlab, capture).upload_file("x.svg", "image/svg+xml", "<svg/>"),
               EnvironmentError);
}

}  // namespace
}  // namespace benchgate::testing
