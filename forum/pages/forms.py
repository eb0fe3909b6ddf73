"""Forms for editing a site page and for the contact form."""
from wtforms import EmailField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional

from forum.actions.pages import CONTACT_BODY_MAX, EMAIL_MAX, NAME_MAX, NOTE_MAX, PAGE_BODY_MAX, PAGE_TITLE_MAX
from forum.forms import Form
from forum.models.pages import CONTACT_TOPICS


class PageForm(Form):
    title = StringField("Title", validators=[DataRequired("Give the page a title."),
                                             Length(max=PAGE_TITLE_MAX, message=f"Up to {PAGE_TITLE_MAX} characters.")])
    body = TextAreaField("Text", validators=[DataRequired("Write the page's text."),
                                             Length(max=PAGE_BODY_MAX, message=f"Up to {PAGE_BODY_MAX:,} characters.")],
                         description="Markdown works: ## headings, **bold**, lists and [links](/privacy).")
    note = StringField("What changed (kept in the history)",
                       validators=[Length(max=NOTE_MAX, message=f"Keep it to {NOTE_MAX} characters.")])


class ContactForm(Form):
    topic = SelectField("What is it about?", choices=[SelectChoice(k, v) for k, v in CONTACT_TOPICS.items()],
                        validators=[DataRequired("Choose what your message is about.")])
    name = StringField("Your name (optional)",
                       validators=[Optional(), Length(max=NAME_MAX, message=f"Up to {NAME_MAX} characters.")])
    email = EmailField("Your email address (optional, so we can reply)",
                       validators=[Optional(), Email("Enter a valid email address, like name@example.com.", check_deliverability=False),
                                   Length(max=EMAIL_MAX, message=f"Up to {EMAIL_MAX} characters.")])
    body = TextAreaField("Your message", validators=[
        DataRequired("Write your message."),
        Length(10, CONTACT_BODY_MAX, f"Messages are 10–{CONTACT_BODY_MAX:,} characters.")],
        description="Only the site moderators read this. If you are reporting a post, include its link.")
