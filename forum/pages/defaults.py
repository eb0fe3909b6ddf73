"""The text the site's own pages ship with, shown until an admin edits a page in the browser.

Written for a health community and kept true to what the code does: the
privacy policy describes the tables the app keeps, who can see what
(``forum.permissions``) and how export and deletion work
(``forum.actions.data_rights``). Change the code, change the text.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultPage:
    title: str
    summary: str
    body: str


ABOUT = """\
Askwell is a health community where people living with a condition, and the people who care
for them, support one another. Members meet in **support groups** organised around conditions
and treatments, ask **questions** that other members answer, and start **discussions** to share
what daily life is really like.

Some members are **verified experts**: doctors, nurses, pharmacists and other professionals whose
registration a moderator has checked against the public register that issued it. Their answers
carry a badge, and they write the longer **Second Opinion** articles. A badge means we checked a
credential, not that an answer is right for you.

## What Askwell is not

Askwell is not a clinic and nobody here is your doctor. Posts are people's own experience and
opinions. Read the [medical disclaimer](/disclaimer) before you act on anything you read here, and
in an emergency call your local emergency number.

## Who looks after the community

Volunteer **group moderators** look after their own groups; **site moderators** look after the
whole site, review flagged posts and answer the [contact form](/contact). The
[community guidelines](/guidelines) say what we expect from everyone, moderators included.
"""

GUIDELINES = """\
Askwell works because people are honest about their health with strangers. These guidelines keep
it a place where that feels safe. Moderators use them when they review a post; breaking them can
lead to a post being hidden, a warning, a pause on posting or, for serious or repeated problems,
a ban.

## Share experience, not prescriptions

Tell people what happened to you: what you tried, what helped, what did not, what your doctor
said. Do not tell someone to start, stop or change a medicine or a dose. "My rheumatologist lowered
my dose and the nausea stopped" helps; "stop taking it" can hurt someone.

## Do not diagnose other people

You cannot see someone's scans, history or blood results. Do not tell anyone what they have, or
that they are fine. Suggest what to ask their doctor instead, and encourage anyone describing
worrying symptoms to get them checked.

## Cite your sources

If you state a medical fact, say where it comes from: a link to a health service, a medicine's
leaflet, a guideline or a published study. Say when something is your own reading of it. Do not
post cures, miracle claims or conspiracy theories as fact.

## Respect privacy, yours and everyone's

- Do not post anyone's name, address, phone number, health details or photos without their consent.
- Think before posting your own identifying details: posts in public groups can be read by anyone.
- What people share in a private group stays there: do not copy it elsewhere.
- Never try to find out who a member is offline.

## No selling

No advertising, affiliate links, product promotion, fundraising or recruiting for paid studies,
clinics or coaching. If you have a connection to something you mention (you work for the company,
you are paid to recommend it), say so.

## Be kind

People here may be frightened, in pain or grieving. Disagree with an idea, never attack a person.
No harassment, hate, threats or mocking someone's condition, body, weight or choices.

## If someone is in danger

If a member writes that they might harm themselves or someone else, reply with kindness, share the
crisis lines shown on the page and flag the post so a moderator sees it quickly. You do not have to
handle it alone. If someone is in immediate danger, call the emergency services.

## Flag, do not fight

If you see a post that breaks these guidelines, use **Flag** under it and choose a reason. A
moderator reviews every flag. Do not reply to abuse. Moderators' decisions are recorded in the
moderation log; if you think one was wrong, use the [contact form](/contact).
"""

PRIVACY = """\
This policy explains what Askwell stores about you, who can see it, and how you can take a copy
of it or delete it. We collect only what the community needs to work, we do not sell personal
data, and we do not show advertising.

## What we store

**Your account.** Your username, email address, display name, the bio you write and your role
(member, moderator or admin). Your password is stored only as an Argon2id hash: nobody, including
us, can read it. We record when you joined and when you confirmed your email address.

**What you post.** Your threads, replies, questions and answers, with earlier versions of any post
you edit; Second Opinion articles and comments; your "helpful" votes; the groups you belong to and
any note you wrote when asking to join a private group; flags you raise.

**Sessions.** While you are logged in we keep one row per browser: when it started, when it
expires and a short description of the browser (for example "Firefox on Linux"), so you can
recognise and end your sessions on your account page. We do not store your IP address with your
account.

**Expert applications.** If you apply to be a verified expert we keep your profession, specialty,
licence number, issuing body, country and the evidence you gave, and the moderators' decision.

**Moderation records.** If a moderator acts on your post or account (hiding a post, a warning, a
pause, a ban), the action, the reason and the moderator are recorded in the moderation log.

**Contact messages.** What you send through the [contact form](/contact), with the name and email
address you chose to give, so a moderator can reply.

**API tokens.** If you create a personal access token we store its name, scope and dates and a
one-way hash of the secret, never the secret itself.

**Cookies.** A session cookie keeps you logged in (and, if you ticked "keep me logged in", a
longer-lived one); a signed "known device" cookie lets a browser you have logged in from before
past the login throttle; a security token protects forms from forgery; a `font_size` cookie
remembers the text size you chose. There are no advertising or tracking cookies and no third-party scripts.

**Rate limiting.** To stop abuse, the number of recent sign-ups, logins and posts from a network
address is counted for a short time (up to a day) and then forgotten. It is not linked to your profile.

## Who can see what

- **Posts in public groups**, your username, display name, bio, expert badge and the groups you
  have posted in can be seen by anyone, including visitors and search engines.
- **Posts in private groups** can be seen only by that group's members and by site moderators and
  admins. They never appear in search results for anyone else.
- **Your email address** is never shown on the site. Admins can see it when managing accounts,
  and we use it only to send you account email (confirmations, password resets).
- **Hidden posts** can be seen by their author and the moderators of that group.
- **Flags** are seen by moderators; the member you flagged is not told who flagged them.
- **Expert applications** are seen by site moderators and admins.
- **Contact messages** are seen by site moderators and admins.

## Taking a copy of your data

On your [account page](/settings/account), **Download my data** gives you a JSON file with your
profile, your sessions, your API tokens (without their secrets), your group memberships, every
post you wrote with its earlier versions, your Second Opinion articles and comments, and the
messages you sent through the contact form while logged in. Titles of
other people's threads you replied in are included only while you can still see that thread.

## Deleting your account

On your [account page](/settings/account), **Delete my account** asks for your password and then,
at once:

- deletes your profile, email address, sessions, API tokens, memberships, votes and any expert
  application or verification;
- keeps your posts so that threads still make sense, shown as written by "A former member", **or**,
  if you tick the box, removes the text of every post and comment you wrote, leaving a placeholder
  so replies around it stay readable;
- clears your name from any other record that pointed to you (flags you raised, moderation records
  and contact messages are kept without your name).

Deleting cannot be undone. Copies in our backups are overwritten as backups rotate.

## Changes to this policy

When this policy changes, the date at the bottom of the page changes with it, and admins can see
the full history of every version. Questions about your data? Use the [contact form](/contact) and
choose "Privacy, my data or my account".
"""

TERMS = """\
By creating an account or posting on Askwell you agree to these terms. They are written to be
read; if something is unclear, ask us through the [contact form](/contact).

## Your account

- You must be at least 16 years old to create an account.
- One person, one account. Keep your password to yourself; you are responsible for what is posted
  from your account.
- Tell us the truth when you apply to be a verified expert. A false credential ends the account.

## What you post

- You keep the rights to what you write. By posting it, you allow Askwell to show it on the site,
  in search and through the API, and to keep it in threads after you leave (as "A former member")
  unless you remove it when you delete your account.
- Post only what you have the right to share, and follow the [community guidelines](/guidelines).
- Do not post anything unlawful, anyone else's personal information, or advertising.

## Moderation

Moderators may hide, edit (with a recorded reason) or remove posts, and may warn, pause, suspend or
ban accounts that break these terms or the guidelines. Every moderator action is recorded.

## No medical advice

Nothing on Askwell is medical advice, and no doctor–patient relationship is formed by anything you
read or write here. See the [medical disclaimer](/disclaimer).

## The service

We try to keep Askwell available and your data safe, but the service is provided as it is, without
guarantees. We may change these terms; the page shows when they last changed, and continuing to use
the site after a change means you accept it. You can stop using Askwell and
[delete your account](/settings/account) at any time.
"""

DISCLAIMER = """\
**Askwell does not give medical advice.** Everything on this site, including answers from verified
experts, is general information and people's own experience. It is not a diagnosis, a treatment
plan or a substitute for care from your own doctor, nurse or pharmacist, who know your history.

## In an emergency

If you or someone else is in immediate danger, or has symptoms such as chest pain, difficulty
breathing, signs of a stroke or severe bleeding, **call your local emergency number now** (999 in
the UK, 112 in the EU, 911 in the US and Canada). Do not wait for a reply on a forum.

If you are thinking about suicide or self-harm, you are not alone: call a crisis line (the pages
where this comes up list them), or the emergency services.

## Before you act on something you read

- Do not start, stop or change a medicine or its dose without talking to your prescriber or pharmacist.
- What worked for one person may be wrong, or dangerous, for you.
- Check facts against a trusted source such as your national health service, and the patient
  leaflet that comes with your medicine.

## Verified experts

A "verified expert" badge means a moderator checked that the person holds the registration they
described. It does not mean their answer fits your situation; they cannot examine you. The drug and
supplement pages summarise public sources and may be incomplete or out of date.

Askwell and its moderators are not responsible for decisions you make based on content posted here.
"""

DEFAULTS: dict[str, DefaultPage] = {
    "about": DefaultPage("About Askwell", "Who we are and how the community works.", ABOUT),
    "guidelines": DefaultPage("Community guidelines", "What we expect from everyone here.", GUIDELINES),
    "privacy": DefaultPage("Privacy policy", "What we store, who can see it, export and deletion.", PRIVACY),
    "terms": DefaultPage("Terms of use", "The rules for using Askwell.", TERMS),
    "disclaimer": DefaultPage("Medical disclaimer", "Askwell does not give medical advice.", DISCLAIMER),
}
