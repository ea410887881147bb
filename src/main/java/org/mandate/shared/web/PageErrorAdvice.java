package org.mandate.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.mandate.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** On pages, a refused action shows a readable message in the user's language, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

    private final MessageSource messages;

    PageErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        StringBuilder text = new StringBuilder(
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        e.fieldProblems()
                .forEach(p -> text.append(" — ")
                        .append(p.field())
                        .append(": ")
                        .append(messages.getMessage(
                                p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale())));
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", text.toString());
        return "error";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute(
                "message",
                e.getName() + ": "
                        + messages.getMessage(
                                "error.badValue",
                                new Object[] {String.valueOf(e.getValue())},
                                LocaleContextHolder.getLocale()));
        return "error";
    }
}
