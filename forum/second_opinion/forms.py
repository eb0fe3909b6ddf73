"""Forms for writing Second Opinion articles and commenting on them."""
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from forum.actions import limits
from forum.forms import Form, body_field, title_field


class ArticleForm(Form):
    title = title_field()
    summary = TextAreaField(
        "Summary",
        validators=[DataRequired("Write a short summary."),
                    Length(limits.SUMMARY_MIN, limits.SUMMARY_MAX,
                           f"Summaries are {limits.SUMMARY_MIN}–{limits.SUMMARY_MAX} characters.")],
        description="One or two sentences shown in the list of articles.",
    )
    body = body_field("Article")
    sources = TextAreaField(
        "Sources",
        validators=[DataRequired("List at least one source, one per line."),
                    Length(max=limits.SOURCES_MAX,
                           message=f"Keep the sources to {limits.SOURCES_MAX:,} characters.")],
        description="One per line: the title and a link, "
                    "e.g. “NHS: Iron deficiency anaemia https://www.nhs.uk/…”.",
    )
    tags = StringField(
        "Topic tags",
        validators=[DataRequired("Add at least one topic tag."), Length(max=300, message="Use fewer tags.")],
        description=f"Up to {limits.TAGS_MAX}, separated by commas, e.g. anaemia, iron, diet.",
    )
    reviewed_on = DateField(
        "Reviewed on",
        validators=[InputRequired("Give the date you last reviewed the article.")],
        description="The date you last checked the article against current guidance (YYYY-MM-DD).",
    )


class CommentForm(Form):
    body = TextAreaField(
        "Your comment",
        validators=[DataRequired("Write something before posting."),
                    Length(max=limits.COMMENT_MAX,
                           message=f"Comments can be up to {limits.COMMENT_MAX:,} characters.")],
        description="Markdown works. Please keep personal medical details general.",
    )


class RemoveCommentForm(Form):
    reason = TextAreaField(
        "Reason",
        validators=[Length(max=500, message="Keep the reason to 500 characters.")],
        description="A moderator must give one (at least 5 characters); it goes into the moderation log.",
    )
